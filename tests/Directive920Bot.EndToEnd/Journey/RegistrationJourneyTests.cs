using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Registration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

public sealed class RegistrationJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_newcomer_registers_a_demo_cadre_moves_the_clock_and_plays_the_unit_admin(string viewport)
    {
        await using var journey = await Journey.StartAsync(nameof(A_newcomer_registers_a_demo_cadre_moves_the_clock_and_plays_the_unit_admin), viewport);
        var page = journey.Simulator.Page;
        await Expect(page.Locator("h1")).ToContainTextAsync("Sandbox");
        await Expect(page.Locator("#clock")).ToContainTextAsync("01/12/2026 08:0");
        Assert.Equal(0, await journey.Simulator.RegisteredInAsync(Journey.CadreUnit));

        var name = await journey.RegisterSelectedCadreAsync();

        var cadre = journey.App.Get<SubscriberStore>().Registered().Single(s => s.FullName == name);
        Assert.Equal(Journey.CadreUnit, cadre.UnitCode);
        await Expect(page.Locator("#panel-profile")).ToContainTextAsync(Journey.CadreUnitName);
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.registered")).ToHaveTextAsync("1");

        var day = await journey.Simulator.MoveClockAsync("clock-day");
        Assert.Contains("02/12/2026", day, StringComparison.Ordinal);
        await journey.Simulator.ShotAsync("a-day-later");

        await journey.Simulator.PlayAsAsync("unit-admin");
        await Expect(page.Locator(".admin-hint")).ToContainTextAsync("CHỈ TRONG SANDBOX");
        await Expect(page.Locator("#acting")).ToContainTextAsync("9001");
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.registered")).ToHaveTextAsync("1");
        await journey.Simulator.ShotAsync("playing-the-unit-admin");
    }

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

        await page.WaitForURLAsync(url => url.Contains("user=2001", StringComparison.Ordinal));
        await Expect(page.Locator("#cadre-select option:checked")).ToContainTextAsync("Lê Thị Thử");
        await Expect(page.Locator("#panel-profile")).ToContainTextAsync("Chưa đăng ký");
        var reply = await journey.Simulator.SayAsync("/start", "Đồng ý");
        await Expect(reply.Locator(".kb-button").First).ToBeVisibleAsync();
        await journey.Simulator.ShotAsync("new-cadre-started");
    }
}
