using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

public sealed class LessonJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_cadre_receives_the_first_lesson_acknowledges_it_and_answers_its_quiz(string viewport)
    {
        await using var journey = await Journey.StartAsync(nameof(The_cadre_receives_the_first_lesson_acknowledges_it_and_answers_its_quiz), viewport);
        await journey.RegisterSelectedCadreAsync();
        var text = journey.FirstLesson.For("vi");

        // The first lesson of the track is planned for the next lesson time; "Sự kiện kế tiếp" goes there.
        var lesson = await journey.NextLessonAsync(text.Title);
        await Expect(journey.Simulator.Page.Locator("#clock")).ToContainTextAsync("02/12/2026 08:0");
        await Expect(lesson.Locator(".kb-button", new LocatorLocatorOptions { HasText = "Đã đọc và cam kết thực hiện" })).ToBeVisibleAsync();
        await journey.Simulator.ShotAsync("first-lesson");

        var question = text.Quiz[0];
        await journey.Simulator.PressAsync("Đã đọc và cam kết thực hiện", question.Question[..Math.Min(40, question.Question.Length)]);
        await Expect(journey.Simulator.Page.Locator($"#panel-ledger tr[data-item='{journey.FirstLesson.Id}']")).ToContainTextAsync("Sent · ✅");
        await journey.Simulator.ShotAsync("acknowledged-quiz-asked");

        // Inline quiz: options are listed in the text and answered with letter buttons (☐ X toggles plus "Gửi trả lời" when several are right).
        var quiz = journey.Simulator.BotMessages.Filter(new LocatorFilterOptions { HasText = question.Question[..Math.Min(40, question.Question.Length)] }).Last;
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

        await Expect(journey.Simulator.Page.Locator("#phone")).ToContainTextAsync(question.Explanation[..Math.Min(40, question.Explanation.Length)]);
        await journey.Simulator.ShotAsync("quiz-answered");
    }
}
