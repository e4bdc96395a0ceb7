using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ReminderStopTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task Acknowledging_skips_the_waiting_reminder_and_no_more_come()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2701);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var ledger = bot.Get<DeliveryLedger>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 22, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Equal(DeliveryState.Pending, ledger.Find($"r1:{row.Id}")!.State);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        Assert.Equal(DeliveryState.Skipped, ledger.Find($"r1:{row.Id}")!.State);

        foreach (var day in new[] { 3, 4, 8, 9, 15 })
        {
            bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, 12, 0, 0, Vn));
            await reminders.RunAsync(bot.Clock.GetUtcNow());
        }

        Assert.Null(ledger.Find($"r2:{row.Id}"));
        Assert.Empty(bot.Get<IEscalations>().ForSubscriber(cadre.Id));
        Assert.DoesNotContain(bot.BotMessages(cadre.Id), m => m.Text?.Contains("Mời đồng chí dành một phút", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Pausing_or_unsubscribing_stops_reminders_at_once()
    {
        await using var bot = await StartAsync();
        var paused = await bot.RegisterAsync(2702);
        var stopped = await bot.RegisterAsync(2703, "Hoàng Văn Dũng");
        var (pausedRow, _) = await DeliverAsync(bot, paused, Lesson1);
        var (stoppedRow, _) = await DeliverAsync(bot, stopped, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var ledger = bot.Get<DeliveryLedger>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 22, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Equal(DeliveryState.Pending, ledger.Find($"r1:{pausedRow.Id}")!.State);

        await bot.SayAsync(paused.Id, "/pause");
        await bot.SayAsync(stopped.Id, "/stop");
        await bot.Get<ReminderService>().RunAsync(bot.Clock.GetUtcNow());

        Assert.Equal(DeliveryState.Skipped, ledger.Find($"r1:{pausedRow.Id}")!.State);
        Assert.Equal(DeliveryState.Skipped, ledger.Find($"r1:{stoppedRow.Id}")!.State);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 12, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Null(ledger.Find($"r2:{pausedRow.Id}"));
        Assert.Empty(bot.Get<IEscalations>().Open());
    }
}
