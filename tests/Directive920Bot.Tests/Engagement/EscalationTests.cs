using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class EscalationTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task After_the_last_reminder_deadline_the_item_is_on_the_units_list_until_acknowledged()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2801);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var escalations = bot.Get<IEscalations>();
        var unitTree = bot.Get<IUnits>().SubTreeCodes(["SNV"]);

        foreach (var at in new[] { new DateTimeOffset(2026, 12, 2, 18, 0, 0, Vn), new DateTimeOffset(2026, 12, 4, 14, 0, 0, Vn), new DateTimeOffset(2026, 12, 8, 9, 59, 0, Vn) })
        {
            bot.Clock.SetUtcNow(at);
            await reminders.RunAsync(bot.Clock.GetUtcNow());
        }

        Assert.Empty(escalations.OpenForUnits(unitTree));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 10, 0, 0, Vn));
        var run = await reminders.RunAsync(bot.Clock.GetUtcNow());
        Assert.Equal(1, run.Escalated);

        var escalation = Assert.Single(escalations.OpenForUnits(unitTree));
        Assert.Equal("SNV-VP", escalation.UnitCode);
        Assert.Equal(cadre.Id, escalation.SubscriberId);
        Assert.Equal(Lesson1, escalation.ItemId);
        Assert.Equal(row.Id, escalation.Id);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime, escalation.Since);
        Assert.Empty(escalations.OpenForUnits(["STC"]));
        Assert.Equal(0, (await reminders.RunAsync(bot.Clock.GetUtcNow())).Escalated);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        Assert.Empty(escalations.OpenForUnits(unitTree));
        Assert.False(Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id)).OnTime);
    }

    [Fact]
    public async Task An_escalation_whose_last_reminder_is_sent_after_it_opened_is_still_resolved_by_the_acknowledgement()
    {
        // Regression: the tick that saw the last reminder sent forgot that the delivery needs attention, so the
        // acknowledgement left the escalation open for good (seen under load, when the dispatcher sent the reminder late).
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2802);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var reminders = bot.Get<ReminderService>();
        var escalations = bot.Get<IEscalations>();
        var unitTree = bot.Get<IUnits>().SubTreeCodes(["SNV"]);
        foreach (var at in new[] { new DateTimeOffset(2026, 12, 2, 18, 0, 0, Vn), new DateTimeOffset(2026, 12, 4, 14, 0, 0, Vn), new DateTimeOffset(2026, 12, 8, 10, 0, 0, Vn) })
        {
            bot.Clock.SetUtcNow(at);
            await reminders.RunAsync(bot.Clock.GetUtcNow());
        }

        Assert.Single(escalations.OpenForUnits(unitTree));
        // The escalated watch still points at its last reminder, which the dispatcher sends only now.
        var watch = escalations.FindWatch(row.Id)!;
        watch.PendingReminderId = $"r2:{row.Id}";
        bot.Get<Directive920Bot.Storage.IStorage>().Write(tx => escalations.SaveWatch(tx, watch));
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Delivery.DeliveryLedger>().Find($"r2:{row.Id}")?.State == Directive920Bot.Delivery.DeliveryState.Sent, Infrastructure.BotHarness.Wait);
        await reminders.RunAsync(bot.Clock.GetUtcNow());

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);

        Assert.Empty(escalations.OpenForUnits(unitTree));
    }
}
