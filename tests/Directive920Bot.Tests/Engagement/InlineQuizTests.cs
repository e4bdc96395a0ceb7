using Directive920Bot.Content;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class InlineQuizTests
{
    [Fact]
    public async Task The_quiz_follows_the_acknowledgement_and_each_answer_shows_the_verdict_explanation_and_clause()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2201);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        Assert.DoesNotContain(bot.BotMessages(cadre.Id), m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        var q1 = questions.Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal));
        var q2 = questions.Single(m => m.Text!.Contains("Câu hỏi 2/2", StringComparison.Ordinal));
        Assert.Equal(["A", "B", "C", "D"], q1.Buttons.SelectMany(b => b).Select(b => b.Text));

        // q1: one right answer (authored first; shown where this cadre's order puts it).
        var verdict = await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 0);
        Assert.Contains("Chính xác", verdict, StringComparison.Ordinal);
        var shown = bot.Current(cadre.Id, q1.MessageId);
        Assert.Contains("Đồng chí chọn: " + LetterFor(bot, cadre.Id, Lesson1, "q1", 0), shown.Text, StringComparison.Ordinal);
        Assert.Contains("(C1)", shown.Text, StringComparison.Ordinal);
        Assert.Contains("nội dung C1 của khóa học", shown.Text, StringComparison.Ordinal);
        Assert.Empty(shown.Buttons);

        // q2: several right answers (authored 2–4): tick the first option (wrong) and the second, send — wrong, and the right set is shown in screen letters.
        await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 0);
        Assert.Contains(bot.Current(cadre.Id, q2.MessageId).Buttons.SelectMany(b => b), b => b.Text == "☑ " + LetterFor(bot, cadre.Id, Lesson1, "q2", 0));
        await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 1);
        var wrong = await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");
        Assert.Contains("Chưa chính xác", wrong, StringComparison.Ordinal);
        var rightLetters = string.Join(", ", Enumerable.Range(1, 3).Select(a => LetterFor(bot, cadre.Id, Lesson1, "q2", a)).Order(StringComparer.Ordinal));
        Assert.Contains("Đáp án đúng: " + rightLetters, bot.Current(cadre.Id, q2.MessageId).Text, StringComparison.Ordinal);

        var answers = bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id);
        Assert.Equal(2, answers.Count);
        Assert.True(answers.Single(a => a.QuestionId == "q1").Correct);
        var second = answers.Single(a => a.QuestionId == "q2");
        Assert.False(second.Correct);
        Assert.Equal([0, 1], second.Selected);
        Assert.All(answers, a => Assert.Equal(row.Id, a.DeliveryId));
        Assert.All(answers, a => Assert.Equal("SNV-VP", a.UnitCode));
        Assert.Single(bot.Get<IQuizAnswers>().ForQuestion(Lesson1, "q2"));
    }

    [Fact]
    public async Task Only_the_first_answer_counts_and_a_later_press_is_answered_politely()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2202);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal));
        var buttons = q1.Buttons.SelectMany(b => b).ToList();

        // A wrong option (authored second) then the right one (authored first) are both pressed before the bot handles either.
        var wrongLetter = LetterFor(bot, cadre.Id, Lesson1, "q1", 1);
        var first = bot.Emulator.PressButton(cadre.Id, q1.MessageId, buttons.Single(b => b.Text == wrongLetter).CallbackData!);
        var later = bot.Emulator.PressButton(cadre.Id, q1.MessageId, buttons.Single(b => b.Text == LetterFor(bot, cadre.Id, Lesson1, "q1", 0)).CallbackData!);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(later)?.Answered == true && bot.Emulator.GetCallbackAnswer(first)?.Answered == true, Infrastructure.BotHarness.Wait);

        var answer = Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Equal([1], answer.Selected);
        Assert.False(answer.Correct);
        Assert.Contains("câu trả lời đầu tiên", bot.Emulator.GetCallbackAnswer(later)!.Text, StringComparison.Ordinal);
        Assert.Contains("Đồng chí chọn: " + wrongLetter, bot.Current(cadre.Id, q1.MessageId).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiz_question_carries_its_vietnamese_letters_as_themselves_not_as_numeric_entities()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2203);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal));

        // The HTML as the bot sent it: an entity per Vietnamese letter made it several times longer than its text,
        // and in text only &, < and > need escaping.
        var item = bot.Get<ContentService>().Current.Find(Lesson1)!.For("vi");
        var question = item.Quiz.Single(q => q.Id == "q1");
        Assert.Contains("· " + item.Title, q1.Html, StringComparison.Ordinal);
        Assert.Contains("<b>" + question.Question + "</b>", q1.Html, StringComparison.Ordinal);
        Assert.Contains(LetterFor(bot, cadre.Id, Lesson1, "q1", 0) + ". " + question.Options[0], q1.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", q1.Html, StringComparison.Ordinal);
    }
}
