using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class PausedReviewTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_paused_cadre_gets_no_review_questions_and_the_due_ones_come_back_after_resume()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2903);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 2);
        var ledger = bot.Get<DeliveryLedger>();
        var item = Assert.Single(bot.Get<IReviews>().OpenFor(cadre.Id));
        var rv1 = item.PendingDeliveryId!;
        Assert.Equal(DeliveryState.Pending, ledger.Find(rv1)!.State);

        await bot.SayAsync(cadre.Id, "/pause");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await bot.Emulator.WaitUntilAsync(() => ledger.Find(rv1)!.State == DeliveryState.Skipped, Infrastructure.BotHarness.Wait);
        Assert.Equal("paused", ledger.Find(rv1)!.LastError);

        // Nor the weekly review, while paused.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 15, 0, 0, Vn));
        Assert.Equal(0, (await bot.Get<ReminderService>().RunAsync(bot.Clock.GetUtcNow())).WeeklyReviewRows);
        Assert.DoesNotContain(bot.BotMessages(cadre.Id), m => m.Text?.Contains("Ôn tập", StringComparison.Ordinal) == true);

        await bot.SayAsync(cadre.Id, "/resume");
        var (sent, review) = await WaitSentAsync(bot, rv1);
        Assert.Contains("Ôn tập", review.Text, StringComparison.Ordinal);
        Assert.NotEmpty(review.Buttons);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 15, 0, 0, Vn).UtcDateTime, sent.DueAt);
        Assert.Equal(1, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Ôn tập", StringComparison.Ordinal) == true));

        // Resuming again (already running) queues nothing twice.
        await bot.SayAsync(cadre.Id, "/resume");
        await bot.SayAsync(cadre.Id, "/pause");
        await bot.SayAsync(cadre.Id, "/resume");
        await SettleAsync(bot);
        Assert.Equal(1, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Ôn tập", StringComparison.Ordinal) == true));
    }
}
