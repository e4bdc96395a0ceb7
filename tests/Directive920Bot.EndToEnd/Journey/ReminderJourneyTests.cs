using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

public sealed class ReminderJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_day_later_an_unacknowledged_lesson_brings_a_reminder(string viewport)
    {
        await using var journey = await Journey.StartAsync(nameof(A_day_later_an_unacknowledged_lesson_brings_a_reminder), viewport);
        await journey.RegisterSelectedCadreAsync();
        var title = journey.FirstLesson.For("vi").Title;
        await journey.NextLessonAsync(title);
        await journey.Simulator.ShotAsync("first-lesson-left-unread");

        var afterLesson = await journey.Simulator.BotMessageCountAsync();
        var day = await journey.Simulator.MoveClockAsync("clock-day");
        Assert.Contains("03/12/2026", day, StringComparison.Ordinal);

        // The reminder names the lesson and carries the acknowledgement button again.
        var reminder = await journey.Simulator.WaitForBotMessageAsync(afterLesson, title);
        await Expect(reminder.Locator(".kb-button", new LocatorLocatorOptions { HasText = "Đã đọc và cam kết thực hiện" })).ToBeVisibleAsync();
        await journey.Simulator.ShotAsync("reminder");
    }
}
