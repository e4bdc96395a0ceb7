using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

/// <summary>
/// 24 working hours with the 07:00–21:00 window (14 open hours a day) and weekends closed:
/// sent Tue 08:00 → first reminder Wed 18:00 → second Fri 14:00 → escalation Tue (next week) 10:00.
/// </summary>
public sealed class ReminderTimingTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task Reminders_come_after_24_working_hours_at_most_twice_and_carry_the_same_button()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2601);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var ledger = bot.Get<DeliveryLedger>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 17, 59, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Null(ledger.Find($"r1:{row.Id}"));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        var (r1, message) = await WaitSentAsync(bot, $"r1:{row.Id}");
        Assert.Equal(DeliveryKind.Reminder, r1.Kind);
        Assert.Equal(row.Id, r1.Payload);
        Assert.Contains("Mời đồng chí dành một phút", message.Text, StringComparison.Ordinal);
        Assert.Equal(lesson.Buttons.SelectMany(b => b).Single().CallbackData, message.Buttons.SelectMany(b => b).Single().CallbackData);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 13, 59, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Null(ledger.Find($"r2:{row.Id}"));
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 14, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        await WaitSentAsync(bot, $"r2:{row.Id}");

        // MaxReminders is 2: nothing more, whatever the time.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 10, 0, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Null(ledger.Find($"r3:{row.Id}"));
    }

    [Fact]
    public async Task Working_hours_skip_the_weekend_and_a_reminder_falling_in_quiet_hours_waits_for_the_window()
    {
        // Friday 20:00: one open hour that day, none at the weekend, 14 on Monday, 9 more on Tuesday → Tue 16:00.
        await using var bot = await StartAsync(start: new DateTimeOffset(2026, 12, 4, 20, 0, 0, Vn));
        var cadre = await bot.RegisterAsync(2602);
        var (row, _) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var ledger = bot.Get<DeliveryLedger>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 15, 59, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Null(ledger.Find($"r1:{row.Id}"));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 16, 0, 0, Vn).UtcDateTime, bot.Get<IEscalations>().FindWatch(row.Id)!.NextAt);

        // The service only ticks again at 22:30 (silent period): the reminder is enqueued for 07:00 the next morning.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 22, 30, 0, Vn));
        await reminders.RunAsync(bot.Clock.GetUtcNow());
        var pending = ledger.Find($"r1:{row.Id}")!;
        Assert.Equal(DeliveryState.Pending, pending.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 7, 0, 0, Vn).UtcDateTime, pending.DueAt);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 7, 0, 0, Vn));
        var (sent, _) = await WaitSentAsync(bot, pending.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 7, 0, 0, Vn).UtcDateTime, sent.SentAt);
    }
}
