using Directive920Bot.Content;
using Directive920Bot.Delivery;
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

    internal static Task WaitSentAsync(BotHarness bot, string rowId) =>
        bot.Emulator.WaitUntilAsync(() => bot.Get<DeliveryLedger>().Find(rowId)?.State == DeliveryState.Sent, BotHarness.Wait);
}
