using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ProgressTests
{
    [Fact]
    public async Task Progress_figures_match_the_ledger_and_the_engagement_stores()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3001);
        var (_, first) = await DeliverAsync(bot, cadre, Lesson1);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        var (_, second) = await DeliverAsync(bot, cadre, Lesson2);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverAsync(bot, cadre, Lesson3);

        await PressAsync(bot, cadre.Id, first.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 0);
        await PressAsync(bot, cadre.Id, second.MessageId, AckLabel);
        var lesson2Questions = await WaitForMessagesAsync(bot, cadre.Id, m => m.Text?.Contains("Câu hỏi 1/", StringComparison.Ordinal) == true && m.Buttons.Count > 0, 1);
        await PressOptionAsync(bot, cadre.Id, lesson2Questions[0].MessageId, Lesson2, "q1", 1);

        var screen = await bot.SayAsync(cadre.Id, "/tiendo");

        // Recount independently from the ledger and the stores.
        var rows = bot.Get<DeliveryLedger>().ForSubscriber(cadre.Id);
        var received = rows.Where(r => r.Kind == DeliveryKind.Lesson && r.State == DeliveryState.Sent).Select(r => r.ItemId).Distinct().Count();
        var acknowledged = bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id).Select(a => a.ItemId).Distinct().Count();
        var answers = bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id);
        var due = bot.Get<IReviews>().OpenFor(cadre.Id).Count;
        Assert.Equal((3, 2, 2, 1, 1), (received, acknowledged, answers.Count, answers.Count(a => a.Correct), due));

        Assert.Contains($"Bài đã nhận: {received} · đã xác nhận: {acknowledged}", screen.Text, StringComparison.Ordinal);
        Assert.Contains($"Trả lời đúng: {answers.Count(a => a.Correct)} trên {answers.Count} câu đã trả lời", screen.Text, StringComparison.Ordinal);
        Assert.Contains($"Câu cần ôn lại: {due}", screen.Text, StringComparison.Ordinal);
        // Both acknowledgements were on time and the third lesson is still inside its deadline.
        Assert.Contains("Số bài liên tiếp xác nhận đúng hạn: 2", screen.Text, StringComparison.Ordinal);
        Assert.True(screen.Text!.Length < 600);
    }
}
