using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

/// <summary>
/// Regression: the locked "answer the questions first" button on an older copy of a lesson, pressed after the lesson
/// was acknowledged, asked the cadre to press an acknowledgement button that no longer exists.
/// </summary>
public sealed class LockedCopyAfterAcknowledgementTests
{
    [Fact]
    public async Task The_locked_button_of_an_older_copy_says_when_the_lesson_was_acknowledged_and_disappears()
    {
        var content = CopyContent();
        Edit(content, "curriculum.yaml", c => c.Replace("requireQuizBeforeAck: false", "requireQuizBeforeAck: true", StringComparison.Ordinal));
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Content:Path"] = content });
        var cadre = await bot.RegisterAsync(2431);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);

        // An older copy with the locked button: a reminder sent while the questions were still open.
        var reminder = LessonRow(bot, cadre, Lesson1, kind: DeliveryKind.Reminder);
        reminder.Id = "r1:" + row.Id;
        reminder.OccurrenceId = reminder.Id;
        reminder.Payload = row.Id;
        reminder.Html = "🔔 Nhắc";
        bot.Get<DeliveryLedger>().Enqueue([reminder]);
        var (_, copy) = await WaitSentAsync(bot, reminder.Id);
        Assert.Contains("Trả lời câu hỏi", Assert.Single(copy.Buttons.SelectMany(b => b)).Text, StringComparison.Ordinal);

        await PressAsync(bot, cadre.Id, lesson.MessageId, "Trả lời câu hỏi");
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        await PressOptionAsync(bot, cadre.Id, questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 1);
        var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
        await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 0);
        await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));

        var answer = await PressAsync(bot, cadre.Id, copy.MessageId, "Trả lời câu hỏi");

        Assert.StartsWith("Đồng chí đã xác nhận nội dung này lúc", answer, StringComparison.Ordinal);
        Assert.Empty(bot.Current(cadre.Id, copy.MessageId).Buttons.SelectMany(b => b));
    }
}
