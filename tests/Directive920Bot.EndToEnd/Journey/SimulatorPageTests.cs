using Directive920Bot.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

public sealed class SimulatorPageTests
{
    [Fact]
    public async Task The_page_switches_its_own_labels_to_english()
    {
        await using var journey = await Journey.StartAsync(nameof(The_page_switches_its_own_labels_to_english), "desktop");
        var page = journey.Simulator.Page;
        await Expect(page.Locator("#clock-day")).ToHaveTextAsync("+1 ngày");

        await page.Locator("#lang-switch").ClickAsync();

        await Expect(page.Locator("#clock-day")).ToHaveTextAsync("+1 day");
        await Expect(page.Locator("#clock-next")).ToHaveTextAsync("Next scheduled event");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await journey.Simulator.ShotAsync("english");
    }

    [Fact]
    public async Task Create_one_adds_a_new_cadre_who_starts_unregistered()
    {
        await using var journey = await Journey.StartAsync(nameof(Create_one_adds_a_new_cadre_who_starts_unregistered), "desktop");
        var page = journey.Simulator.Page;

        await page.Locator("#create-name").FillAsync("Lê Thị Thử");
        await page.Locator("#create-button").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("user=2001", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        await Expect(page.Locator("#cadre-select option:checked")).ToContainTextAsync("Lê Thị Thử");
        await Expect(page.Locator("#panel-profile")).ToContainTextAsync("Chưa đăng ký");
        var reply = await journey.Simulator.SayAsync("/start", "Đồng ý");
        await Expect(reply.Locator(".kb-button").First).ToBeVisibleAsync();
        await journey.Simulator.ShotAsync("new-cadre-started");
    }
}
