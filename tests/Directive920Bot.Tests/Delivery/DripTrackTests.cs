using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class DripTrackTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_late_joiner_starts_at_lesson_one_and_follows_the_rhythm_without_a_catching_up_burst()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:TrackEnabled", "true")));
        var track = bot.Get<TrackService>();
        var ledger = bot.Get<DeliveryLedger>();
        var catalog = bot.Get<ContentService>().Current;
        bot.Seed(801, "SNV");                                   // staff, joins Tuesday 08:00

        track.Advance();
        await WaitSentAsync(bot, TrackService.RowId("c1-context", 801));
        track.Advance();
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Vietnam).UtcDateTime, ledger.Find(TrackService.RowId("c2-shortcomings", 801))!.DueAt);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Vietnam));
        await WaitSentAsync(bot, TrackService.RowId("c2-shortcomings", 801));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Vietnam));
        bot.Seed(802, "STC", leader: true, language: "en");   // a leader joins Wednesday 09:00
        track.Advance();
        var lateFirst = ledger.Find(TrackService.RowId("c1-context", 802))!;
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Vietnam).UtcDateTime, lateFirst.DueAt);
        // The staff member's next step skips the leaders-only lessons.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Vietnam).UtcDateTime, ledger.Find(TrackService.RowId("s1-political-will-ethics", 801))!.DueAt);
        track.Advance(); // nothing more is planned while steps are pending
        Assert.Equal(3, ledger.ForSubscriber(801).Count);
        Assert.Single(ledger.ForSubscriber(802));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Vietnam));
        await WaitSentAsync(bot, lateFirst.Id);
        await WaitSentAsync(bot, TrackService.RowId("s1-political-will-ethics", 801));
        Assert.Contains(catalog.Find("c1-context")!.For("en").Title, bot.BotMessages(802).Single().Text, StringComparison.Ordinal);

        track.Advance();
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 8, 0, 0, Vietnam).UtcDateTime, ledger.Find(TrackService.RowId("c2-shortcomings", 802))!.DueAt);
        Assert.DoesNotContain(ledger.ForSubscriber(801), r => catalog.Find(r.ItemId!)!.Audience == Audience.Leaders);
    }

    [Fact]
    public async Task The_tick_plans_a_first_step_only_for_reachable_unpaused_subscribers_each_at_their_own_hour()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:TrackEnabled", "true")));
        var track = bot.Get<TrackService>();
        var ledger = bot.Get<DeliveryLedger>();
        // Each is saved once, whole, so that the scheduled tick never sees one half made.
        bot.Seed(821, "STC", leader: true, language: "en", change: s => s.PreferredHour = 19);
        bot.Seed(822, "SNV", change: s => s.Paused = true);
        bot.Seed(823, "SNV", change: s => s.Status = SubscriberStatus.Blocked);
        bot.Seed(824, "SNV", change: s => s.Status = SubscriberStatus.Stopped);
        bot.Seed(825, "SNV", change: s => (s.Status, s.RegisteredAt) = (SubscriberStatus.Registering, null));

        track.Advance();

        // Every field the step is built from reached it: the hour, the person, the language, the unit and the role.
        var first = ledger.Find(TrackService.RowId("c1-context", 821))!;
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 0, 0, Vietnam).UtcDateTime, first.DueAt);
        Assert.Equal((821L, "en", "STC", (CadreRole?)CadreRole.Leader, DeliveryState.Pending), (first.SubscriberId, first.Language, first.UnitCode, first.Role, first.State));
        Assert.Equal(first.Id, track.PositionOf(821)!.CurrentRowId);
        foreach (var passedOver in new long[] { 822, 823, 824, 825 })
        {
            Assert.Empty(ledger.ForSubscriber(passedOver));
            Assert.Null(track.PositionOf(passedOver));
        }

        var resumed = bot.Get<ISubscribers>().Find(822)!;
        resumed.Paused = false;
        bot.Get<IStorage>().Write(tx => bot.Get<ISubscribers>().Save(tx, resumed));
        track.Advance();
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vietnam).UtcDateTime, ledger.Find(TrackService.RowId("c1-context", 822))!.DueAt);
        Assert.Empty(ledger.ForSubscriber(823));
    }

    internal static Task WaitSentAsync(BotHarness bot, string rowId) =>
        bot.Emulator.WaitUntilAsync(() => bot.Get<DeliveryLedger>().Find(rowId)?.State == DeliveryState.Sent, BotHarness.Wait);
}
