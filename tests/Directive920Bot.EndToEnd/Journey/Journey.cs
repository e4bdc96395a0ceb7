using Directive920Bot.Content;
using Directive920Bot.EndToEnd.Infrastructure;

namespace Directive920Bot.EndToEnd.Journey;

/// <summary>The newcomer's journey, shared by the step tests: a fresh sandbox, a fresh Chromium, the simulator open on the first demo cadre.</summary>
public sealed class Journey : IAsyncDisposable
{
    public const string CadreUnit = "SNV-VP";
    public const string CadreUnitName = "Văn phòng Sở Nội vụ";

    private Journey(SandboxApp app, Browser browser, Simulator simulator)
    {
        App = app;
        Browser = browser;
        Simulator = simulator;
    }

    public SandboxApp App { get; }

    public Browser Browser { get; }

    public Simulator Simulator { get; }

    public ContentItem FirstLesson => App.Get<ContentService>().Current.Track[0];

    public static async Task<Journey> StartAsync(string test, string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var app = await SandboxApp.StartAsync();
        Browser? browser = null;
        try
        {
            browser = await Browser.LaunchAsync(viewport);
            var simulator = await Simulator.OpenAsync(browser.Page, app.SandboxUrl, test, viewport);
            await simulator.ShotAsync("opened");
            return new Journey(app, browser, simulator);
        }
        catch
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
            }

            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The selected demo cadre's full name, as the picker shows it.</summary>
    public async Task<string> SelectedCadreAsync()
    {
        var option = await Simulator.Page.Locator("#cadre-select option:checked").TextContentAsync();
        return option!.Split(" — ")[0].Trim();
    }

    public async Task<string> RegisterSelectedCadreAsync()
    {
        var name = await SelectedCadreAsync();
        await Simulator.RegisterAsync(name, CadreUnit, CadreUnitName);
        await Simulator.ShotAsync("registered");
        return name;
    }

    /// <summary>
    /// After registration the track plans the first lesson for the next lesson time (08:00 on the next working day):
    /// "Sự kiện kế tiếp" jumps there and the lesson arrives. Returns the lesson's message.
    /// </summary>
    public async Task<Microsoft.Playwright.ILocator> NextLessonAsync(string title)
    {
        var before = await Simulator.BotMessageCountAsync();
        await Simulator.Page.WaitForFunctionAsync("() => !!document.querySelector('#panel-ledger tr[data-delivery]')");
        await Simulator.MoveClockAsync("clock-next");
        return await Simulator.WaitForBotMessageAsync(before, title);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}
