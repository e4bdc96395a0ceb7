using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class AcknowledgeAfterUnderstandingTests
{
    [Fact]
    public async Task The_button_unlocks_only_after_every_question_is_answered_right_or_wrong()
    {
        var content = CopyContent();
        Edit(content, "curriculum.yaml", c => c.Replace("requireQuizBeforeAck: false", "requireQuizBeforeAck: true", StringComparison.Ordinal));
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Content:Path"] = content });
        var cadre = await bot.RegisterAsync(2401);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);

        var only = Assert.Single(lesson.Buttons.SelectMany(b => b));
        Assert.Contains("Trả lời câu hỏi để xác nhận", only.Text, StringComparison.Ordinal);

        // The acknowledgement key itself (an old message, a crafted press) is refused while questions are open.
        await RouteCallbackAsync(bot, cadre.Id, Key(bot, cadre.Id, AcknowledgementService.AckAction, row.Id));
        Assert.Equal(0, bot.Get<IAcknowledgements>().Count());

        await PressAsync(bot, cadre.Id, lesson.MessageId, "Trả lời câu hỏi");
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        await PressOptionAsync(bot, cadre.Id, questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 1);
        Assert.DoesNotContain(bot.BotMessages(cadre.Id), m => m.Text?.Contains("Mời đồng chí xác nhận", StringComparison.Ordinal) == true);

        var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
        await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 0);
        await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");

        // Unlocked in place: the lesson's own button is now the acknowledgement.
        Assert.Contains(AckLabel, bot.Current(cadre.Id, lesson.MessageId).Buttons.Single().Single().Text, StringComparison.Ordinal);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);

        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Equal(row.Id, ack.DeliveryId);
        // The quiz is not sent a second time after the acknowledgement.
        Assert.Equal(2, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true));
    }
}
