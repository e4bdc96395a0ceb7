using System.Text.RegularExpressions;
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

        // Reminders come 24 working hours after sending (open 07:00–21:00): Wednesday 08:00 + 24 h of open time is
        // Thursday 18:00, so the first "+1 ngày" (Thursday 08:00) brings the next lesson and the second the reminder.
        var afterLesson = await journey.Simulator.BotMessageCountAsync();
        Assert.Contains("03/12/2026", await journey.Simulator.MoveClockAsync("clock-day"), StringComparison.Ordinal);
        await journey.Simulator.WaitForBotMessageAsync(afterLesson, journey.App.Get<Directive920Bot.Content.ContentService>().Current.Track[1].For("vi").Title);
        await journey.Simulator.ShotAsync("next-day-next-lesson");
        afterLesson = await journey.Simulator.BotMessageCountAsync();
        Assert.Contains("04/12/2026", await journey.Simulator.MoveClockAsync("clock-day"), StringComparison.Ordinal);

        // The reminder is the lesson's own reminder text (or its title) and carries the acknowledgement button again.
        var reminderHtml = journey.FirstLesson.For("vi").ReminderHtml;
        var expected = reminderHtml is null ? title : System.Net.WebUtility.HtmlDecode(Regex.Replace(reminderHtml, "<[^>]+>", ""));
        var reminder = await journey.Simulator.WaitForBotMessageAsync(afterLesson, expected[..Math.Min(40, expected.Length)]);
        await Expect(reminder.Locator(".kb-button", new LocatorLocatorOptions { HasText = "Đã đọc và cam kết thực hiện" })).ToBeVisibleAsync();
        await journey.Simulator.ShotAsync("reminder");
    }
}
