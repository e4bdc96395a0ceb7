using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

/// <summary>
/// An acknowledgement with no reminder waiting and no escalation open does not touch the reminder watch; the next
/// tick sees the acknowledgement, closes the watch and sends nothing.
/// </summary>
public sealed class AcknowledgedWatchTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_watch_without_a_waiting_reminder_is_closed_by_the_next_tick_and_no_reminder_is_sent()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2711);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var escalations = bot.Get<IEscalations>();
        await bot.Emulator.WaitUntilAsync(() => bot.Get<DeliveryLedger>().Find(row.Id)!.State == DeliveryState.Sent, Infrastructure.BotHarness.Wait);
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.False(escalations.FindWatch(row.Id)!.Done);
        Assert.False(escalations.NeedsAttentionOnAcknowledgement(row.Id));

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        Assert.False(escalations.FindWatch(row.Id)!.Done);

        foreach (var day in new[] { 2, 3, 4, 8, 9, 15 })
        {
            bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, 12, 0, 0, Vn));
            await reminders.RunAsync(bot.Clock.GetUtcNow());
        }

        var watch = escalations.FindWatch(row.Id)!;
        Assert.True(watch.Done);
        Assert.Equal("acknowledged", watch.DoneReason);
        Assert.Null(bot.Get<DeliveryLedger>().Find($"r1:{row.Id}"));
        Assert.Empty(escalations.ForSubscriber(cadre.Id));
    }

    [Fact]
    public async Task A_delivery_with_a_waiting_reminder_or_an_open_escalation_is_known_after_a_restart()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2712);
        var (row, _) = await DeliverAsync(bot, cadre, Lesson1);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 22, 0, 0, Vn));
        await bot.Get<ReminderService>().RunAsync(bot.Clock.GetUtcNow());
        Assert.Equal(DeliveryState.Pending, bot.Get<DeliveryLedger>().Find($"r1:{row.Id}")!.State);

        await bot.RestartAsync();

        Assert.True(bot.Get<IEscalations>().NeedsAttentionOnAcknowledgement(row.Id));
    }
}
