using Directive920Bot.Storage.LiteDb;
using System.Text.RegularExpressions;
using Directive920Bot.Content;
using Directive920Bot.Registration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

/// <summary>
/// The newcomer's whole journey in one browser session: register a demo cadre, receive the first lesson, acknowledge
/// it, answer its quiz, leave the next one unread and move the clock until its reminder comes, then play the unit admin
/// and see the figures change. Once on a desktop and once on a phone-sized screen; a screenshot after every step.
/// </summary>
public sealed class NewcomerJourneyTests
{
    private const string Ack = "Đã đọc và cam kết thực hiện";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_newcomer_registers_learns_acknowledges_answers_is_reminded_and_sees_the_unit_figures_change(string viewport)
    {
        await using var journey = await Journey.StartAsync(nameof(A_newcomer_registers_learns_acknowledges_answers_is_reminded_and_sees_the_unit_figures_change), viewport);
        var simulator = journey.Simulator;
        var page = simulator.Page;
        var track = journey.App.Get<ContentService>().Current.Track;
        await Expect(page.Locator("h1")).ToContainTextAsync("Sandbox");
        await Expect(page.Locator("#clock")).ToContainTextAsync("01/12/2026 08:0");

        // The unit admin's report before anyone registered.
        await simulator.PlayAsAsync("unit-admin");
        var before = await (await simulator.SayAsync("/report", "Sở Nội vụ")).TextContentAsync();
        await simulator.ShotAsync("unit-admin-report-before");
        await simulator.PlayAsAsync("cadre");

        // Register the first demo cadre through the real dialogue.
        var name = await journey.RegisterSelectedCadreAsync();
        Assert.Equal(Journey.CadreUnit, journey.App.Get<ISubscribers>().Registered().Single(s => s.FullName == name).UnitCode);
        await Expect(page.Locator("#panel-profile")).ToContainTextAsync(Journey.CadreUnitName);
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.registered")).ToHaveTextAsync("1");

        // The first lesson is planned for the next lesson time (Wednesday 08:00): "Sự kiện kế tiếp" goes there.
        var first = track[0].For("vi");
        var lesson = await journey.NextLessonAsync(first.Title);
        await Expect(page.Locator("#clock")).ToContainTextAsync("02/12/2026 08:0");
        await Expect(lesson.Locator(".kb-button", new LocatorLocatorOptions { HasText = Ack })).ToBeVisibleAsync();
        await simulator.ShotAsync("first-lesson");

        // Acknowledge: the inline quiz follows.
        var question = first.Quiz[0];
        await simulator.PressAsync(Ack, Start(question.Question));
        await Expect(page.Locator($"#panel-ledger tr[data-item='{track[0].Id}']")).ToContainTextAsync("Đã gửi · ✅");
        await simulator.ShotAsync("acknowledged-quiz-asked");

        // Answer with the letter buttons (☐ X toggles and "Gửi trả lời" when several options are right).
        var quiz = simulator.BotMessages.Filter(new LocatorFilterOptions { HasText = Start(question.Question) }).Last;
        foreach (var index in question.Correct)
        {
            var letter = (char)('A' + index);
            var pattern = question.Correct.Count > 1 ? $"^☐\\s*{letter}$" : $"^{letter}$";
            await quiz.Locator(".kb-button", new LocatorLocatorOptions { HasTextRegex = new Regex(pattern) }).ClickAsync();
        }

        if (question.Correct.Count > 1)
        {
            await quiz.Locator(".kb-button", new LocatorLocatorOptions { HasText = "Gửi trả lời" }).ClickAsync();
        }

        await Expect(page.Locator("#phone")).ToContainTextAsync(Start(question.Explanation));
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.quiz")).ToHaveTextAsync("1");
        await simulator.ShotAsync("quiz-answered");

        // "+1 ngày": Thursday 08:00 brings lesson 2, which is left unread.
        var count = await simulator.BotMessageCountAsync();
        Assert.Contains("03/12/2026", await simulator.MoveClockAsync("clock-day"), StringComparison.Ordinal);
        await simulator.WaitForBotMessageAsync(count, track[1].For("vi").Title);
        await simulator.ShotAsync("a-day-later-next-lesson");

        // Reminders come 24 working hours after sending (open 07:00–21:00): for Thursday 08:00 that is Friday 18:00.
        // "Sự kiện kế tiếp" walks through what is scheduled in between (Friday's lesson, reviews) until it comes.
        var reminder = await simulator.NextEventUntilAsync(Start(Reminder(track[1])), maxEvents: 6);
        await Expect(reminder.Locator(".kb-button", new LocatorLocatorOptions { HasText = Ack })).ToBeVisibleAsync();
        await simulator.ShotAsync("reminder");

        // The unit admin's report now counts the registration, the delivery and the acknowledgement.
        await simulator.PlayAsAsync("unit-admin");
        await Expect(page.Locator(".admin-hint")).ToContainTextAsync("CHỈ TRONG SANDBOX");
        var after = await (await simulator.SayAsync("/report", "Sở Nội vụ")).TextContentAsync();
        Assert.NotEqual(before, after);
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.acknowledged")).ToHaveTextAsync("1");
        await simulator.ShotAsync("unit-admin-report-after");
    }

    private static string Start(string text) => text[..Math.Min(40, text.Length)];

    private static string Reminder(ContentItem item)
    {
        var html = item.For("vi").ReminderHtml;
        return html is null ? item.For("vi").Title : System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));
    }
}
