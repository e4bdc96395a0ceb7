using Directive920Bot.Storage.LiteDb;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Directive920Bot.EndToEnd.Infrastructure;

/// <summary>The chat simulator page as a newcomer uses it: type, press buttons, move the clock, switch persona. Screenshots every step.</summary>
public sealed class Simulator(IPage page, string screenshotFolder)
{
    private int step;

    public IPage Page { get; } = page;

    public ILocator BotMessages => Page.Locator("#messages .msg.bot");

    public ILocator LastBotMessage => BotMessages.Last;

    public static string ScreenshotFolder(string test, Viewport viewport)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        return Path.Combine(SandboxApp.RepoRoot, "tests", "Directive920Bot.EndToEnd", "TestResults", "screenshots", $"{test}-{viewport.Name}");
    }

    public static async Task<Simulator> OpenAsync(IPage page, Uri url, [CallerMemberName] string test = "", Viewport? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = ScreenshotFolder(test, viewport ?? Viewport.Desktop);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        await page.GotoAsync(url.ToString());
        await page.Locator("#clock").WaitForAsync();
        return new Simulator(page, folder);
    }

    public async Task ShotAsync(string name)
    {
        step++;
        // Let the poller render what just arrived before the picture is taken.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 3000 }).ContinueWith(_ => { }, TaskScheduler.Default);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(screenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{step:00}-{name}.png")),
            FullPage = true,
        });
    }

    public Task<int> BotMessageCountAsync() => BotMessages.CountAsync();

    /// <summary>Waits until a bot message after the first <paramref name="before"/> ones contains <paramref name="text"/>; returns it.</summary>
    public async Task<ILocator> WaitForBotMessageAsync(int before, string? text = null)
    {
        await Page.WaitForFunctionAsync(
            "([before, text]) => Array.from(document.querySelectorAll('#messages .msg.bot')).slice(before).some(m => !text || m.textContent.includes(text))",
            new object?[] { before, text ?? "" },
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        var candidates = BotMessages.Filter(new LocatorFilterOptions { HasText = text ?? "" });
        return candidates.Last;
    }

    /// <summary>Types into the composer and waits for the bot's next message (containing <paramref name="expect"/> when given).</summary>
    public async Task<ILocator> SayAsync(string text, string? expect = null)
    {
        var before = await BotMessageCountAsync();
        await Page.Locator("#text").FillAsync(text);
        await Page.Locator("#send").ClickAsync();
        await Page.Locator("#messages .msg.me").Filter(new LocatorFilterOptions { HasText = text }).Last.WaitForAsync();
        return await WaitForBotMessageAsync(before, expect);
    }

    /// <summary>The inline button labelled <paramref name="label"/> on the latest bot message that has one.</summary>
    public ILocator Button(string label) =>
        BotMessages.Filter(new LocatorFilterOptions { Has = Page.Locator(".kb-button", new PageLocatorOptions { HasText = label }) })
            .Last.Locator(".kb-button", new LocatorLocatorOptions { HasText = label }).First;

    /// <summary>Presses a real inline button and waits for the bot's next message.</summary>
    public async Task<ILocator> PressAsync(string label, string? expect = null)
    {
        var before = await BotMessageCountAsync();
        await Button(label).ClickAsync();
        return await WaitForBotMessageAsync(before, expect);
    }

    public async Task<string> ClockAsync() => (await Page.Locator("#clock").TextContentAsync()) ?? "";

    /// <summary>Presses a clock button and waits until the shown simulated time changed.</summary>
    public async Task<string> MoveClockAsync(string buttonId)
    {
        var before = await ClockAsync();
        await Page.Locator("#" + buttonId).ClickAsync();
        await Page.WaitForFunctionAsync("before => document.getElementById('clock').textContent !== before", before);
        return await ClockAsync();
    }

    /// <summary>Presses "Sự kiện kế tiếp" until a bot message containing <paramref name="text"/> arrives (each event gets a few seconds to deliver).</summary>
    public async Task<ILocator> NextEventUntilAsync(string text, int maxEvents)
    {
        var start = await BotMessageCountAsync();
        for (var i = 0; i < maxEvents; i++)
        {
            await MoveClockAsync("clock-next");
            try
            {
                await Page.WaitForFunctionAsync(
                    "([before, text]) => Array.from(document.querySelectorAll('#messages .msg.bot')).slice(before).some(m => m.textContent.includes(text))",
                    new object?[] { start, text },
                    new PageWaitForFunctionOptions { Timeout = 8_000 });
                return BotMessages.Filter(new LocatorFilterOptions { HasText = text }).Last;
            }
            catch (TimeoutException)
            {
                // Nothing yet: the next scheduled event.
            }
        }

        throw new TimeoutException($"No bot message containing '{text}' after {maxEvents} events; the clock shows {await ClockAsync()}.");
    }

    /// <summary>Registers the selected demo cadre through the real dialogue: consent, name, unit search, role, confirmation.</summary>
    public async Task RegisterAsync(string fullName, string unitCode, string unitName)
    {
        await SayAsync("/start", "Đồng ý");
        await ShotAsync("welcome-and-consent");
        await PressAsync("Đồng ý");
        await ShotAsync("asked-for-name");
        await SayAsync(fullName);
        await SayAsync(unitCode, unitName);
        await ShotAsync("unit-found");
        await PressAsync(unitName);
        await PressAsync("Cán bộ", "Xác nhận");
        await ShotAsync("summary");
        await PressAsync("Xác nhận", "Đăng ký thành công");
    }

    public async Task PlayAsAsync(string persona)
    {
        await Page.Locator($"#persona input[value='{persona}']").CheckAsync();
        await Page.WaitForURLAsync(url => url.Contains("as=" + persona, StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        await Page.Locator("#clock").WaitForAsync();
    }

    /// <summary>The registered count the report panel shows for a unit.</summary>
    public async Task<int> RegisteredInAsync(string unitCode)
    {
        var cell = Page.Locator($"#panel-report tr[data-unit='{unitCode}'] td.num.registered");
        return int.Parse((await cell.TextContentAsync())!, CultureInfo.InvariantCulture);
    }
}
