using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Delivery;
using Directive920Bot.Storage.LiteDb.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

/// <summary>
/// An occurrence larger than <c>Delivery:ExpansionChunkSize</c> is written as a few rows plus chunks that become rows in
/// the background: everyone still gets it exactly once, progress counts the whole audience from the start, and a
/// cancel, a restart or an erasure in between behaves as with plain rows.
/// </summary>
public sealed class ChunkedExpansionTests
{
    private const int People = 95;

    private static Task<BotHarness> StartAsync(params (string Key, string? Value)[] extra) =>
        BotHarness.StartAsync(DeliveryKit.Settings([("Delivery:ExpansionChunkSize", "10"), .. extra]));

    private static void SeedPeople(BotHarness bot)
    {
        for (var id = 7000L; id < 7000 + People; id++)
        {
            bot.Seed(id, "SNV");
        }
    }

    [Fact]
    public async Task A_chunked_expansion_reaches_everyone_exactly_once()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);

        var campaign = bot.Announce("Thông báo chung.", new AudienceRequest(["SNV"]));
        var progress = bot.Get<CampaignService>().Progress(campaign.Id);
        Assert.Equal(People, progress.Expanded);

        await bot.DrainAsync(campaign.Id);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<DeliveryLedger>().ChunkedRows(campaign.Id) == 0, TimeSpan.FromSeconds(30));

        Assert.All(Enumerable.Range(7000, People), id => Assert.Single(bot.BotMessages(id)));
        var rows = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id);
        Assert.Equal(People, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(People, bot.Get<CampaignService>().Progress(campaign.Id).Sent);
    }

    [Fact]
    public async Task Chunks_left_by_a_crash_after_the_expansion_are_written_out_and_sent_after_the_restart()
    {
        BotHarness.StayOnLiteDb("the stopped service's ledger is changed through the LiteDB file (WhileStopped)");
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        // What a crash right after the expansion's commit leaves: 10 rows and 9 chunks, nothing written out yet.
        WhileStopped(bot, ledger => Assert.Equal(People - 10, ledger.ChunkedRows("crash")));

        await bot.StartHostAsync();
        await bot.DrainAsync("crash");
        await bot.Emulator.WaitUntilAsync(() => bot.Get<DeliveryLedger>().ChunkedRows() == 0, TimeSpan.FromSeconds(30));

        Assert.All(Enumerable.Range(7000, People), id => Assert.Single(bot.BotMessages(id)));
        Assert.Equal(People, bot.Get<DeliveryLedger>().ForCampaign("crash").Count);
        Assert.Equal(People, bot.Get<CampaignService>().Progress("crash").Sent);
    }

    [Fact]
    public async Task Cancelling_skips_the_rows_still_in_chunks_with_the_reason()
    {
        BotHarness.StayOnLiteDb("the stopped service's ledger is changed through the LiteDB file (WhileStopped)");
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        // Cancelled before any chunk is written out (the service is stopped, so nothing can interleave).
        var stopped = 0;
        WhileStopped(bot, ledger => stopped = ledger.SkipPending("crash", "cancelled by test"));
        Assert.Equal(People, stopped);

        await bot.StartHostAsync();
        var ledger = bot.Get<DeliveryLedger>();
        await bot.Emulator.WaitUntilAsync(() => ledger.ChunkedRows() == 0, TimeSpan.FromSeconds(30));
        var rows = ledger.ForCampaign("crash");
        Assert.Equal(People, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(DeliveryState.Skipped, r.State);
            Assert.Equal("cancelled by test", r.LastError);
        });
        Assert.Equal(People, bot.Get<CampaignService>().Progress("crash").Skipped);
        Assert.All(Enumerable.Range(7000, People), id => Assert.Empty(bot.BotMessages(id)));
    }

    [Fact]
    public async Task Erasing_a_person_removes_them_from_chunks_not_yet_written_out()
    {
        BotHarness.StayOnLiteDb("the stopped service's ledger is changed through the LiteDB file (WhileStopped)");
        await using var bot = await StartAsync();
        SeedPeople(bot);
        const long Erased = 7000 + People - 1;
        await bot.StopHostAsync();

        WhileStopped(bot, ledger => ledger.Pseudonymise(Directive920Bot.Registration.ErasurePseudonyms.Create(Erased)));

        await bot.StartHostAsync();
        var ledger = bot.Get<DeliveryLedger>();
        await bot.DrainAsync("crash");
        await bot.Emulator.WaitUntilAsync(() => ledger.ChunkedRows() == 0, TimeSpan.FromSeconds(30));

        Assert.Empty(ledger.ForSubscriber(Erased));
        Assert.Empty(bot.BotMessages(Erased));
        Assert.Equal(People - 1, ledger.ForCampaign("crash").Count);
    }

    /// <summary>
    /// Writes an expansion of everyone (campaign "crash": 10 rows, the rest in chunks of 10) into the stopped service's
    /// file, as the service itself does, then runs <paramref name="then"/> on the same ledger.
    /// </summary>
    private static void WhileStopped(BotHarness bot, Action<DeliveryLedger> then)
    {
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var rows = Enumerable.Range(7000, People).Select(id => new DeliveryRow
        {
            Id = $"c:crash:1:{id}",
            OccurrenceId = "c:crash:1",
            CampaignId = "crash",
            SubscriberId = id,
            Kind = DeliveryKind.Announcement,
            Html = "Sau sự cố.",
            UnitCode = "SNV",
            DueAt = now,
        }).ToList();
        using var db = new Directive920Bot.Storage.LiteDb.Database(bot.DatabasePath, Directive920Bot.Storage.LiteDb.Mapper.Create(), [LiteDbDeliveryLedger.Schema], TimeProvider.System);
        var ledger = new DeliveryLedger(db, new LiteDbDeliveryLedger(db), bot.Clock);
        db.Write(tx => ledger.InsertExpansion(tx, rows, 10));
        then(ledger);
    }
}
