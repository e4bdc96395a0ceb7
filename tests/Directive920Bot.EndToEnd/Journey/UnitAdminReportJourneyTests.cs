using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

public sealed class UnitAdminReportJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_unit_admin_sees_the_figures_change_after_a_cadre_registers_and_acknowledges(string viewport)
    {
        await using var journey = await Journey.StartAsync(nameof(The_unit_admin_sees_the_figures_change_after_a_cadre_registers_and_acknowledges), viewport);
        await journey.Simulator.PlayAsAsync("unit-admin");
        var first = await journey.Simulator.SayAsync("/report", "Sở Nội vụ");
        var before = await first.TextContentAsync();
        await journey.Simulator.ShotAsync("report-before");

        await journey.Simulator.PlayAsAsync("cadre");
        await journey.RegisterSelectedCadreAsync();
        var title = journey.FirstLesson.For("vi").Title;
        await journey.NextLessonAsync(title);
        await journey.Simulator.PressAsync("Đã đọc và cam kết thực hiện");

        await journey.Simulator.PlayAsAsync("unit-admin");
        var second = await journey.Simulator.SayAsync("/report", "Sở Nội vụ");
        Assert.NotEqual(before, await second.TextContentAsync());
        await Expect(journey.Simulator.Page.Locator("#panel-report")).Not.ToContainTextAsync("Chưa có");
        await journey.Simulator.ShotAsync("report-after");
    }
}
