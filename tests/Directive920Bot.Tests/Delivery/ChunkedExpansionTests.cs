using Directive920Bot.Delivery;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Delivery;

/// <summary>
/// An occurrence larger than <c>Delivery:ExpansionChunkSize</c> is written as a few rows plus chunks whose rows are
/// written when the dispatcher claims them (on PostgreSQL: written out in the background): everyone still gets it
/// exactly once, progress and the ledger's reads count the whole audience from the start, and a cancel, a restart or
/// an erasure in between behaves as with plain rows.
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

    [Fact]
    public async Task The_rows_of_chunks_are_stored_only_as_they_are_claimed_and_read_as_pending_until_then()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        await WhileStoppedAsync(bot, async (ledger, store, _) =>
        {
            var now = bot.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(10, store.ForCampaign("crash").Count);
            Assert.Equal(People - 10, ledger.ChunkedRows("crash"));
            var all = ledger.ForCampaign("crash");
            Assert.Equal(People, all.Count);
            Assert.All(all, r => Assert.Equal(DeliveryState.Pending, r.State));
            Assert.Equal(People, ledger.ForCampaign("crash", DeliveryState.Pending).Count);
            Assert.Equal(People, ledger.StatesOf("crash").Count);
            var held = Assert.Single(ledger.ForSubscriber(7050));
            Assert.Equal("c:crash:1:7050", held.Id);
            Assert.Equal("Sau sự cố.", held.Html);
            Assert.Equal(now, ledger.NextDueAt());

            var claimed = await ledger.ClaimDueAsync(now, 25);

            Assert.Equal(25, claimed.Count);
            Assert.All(claimed, r => Assert.Equal(DeliveryState.Sending, r.State));
            // The first 10 are stored rows; whatever else was claimed came from the chunks and is stored now, as sending.
            var fromChunks = claimed.Count(r => r.SubscriberId >= 7010);
            var stored = store.ForCampaign("crash");
            Assert.Equal(10 + fromChunks, stored.Count);
            Assert.Equal(fromChunks, stored.Count(r => r.State == DeliveryState.Sending && r.Attempts == 1 && r.SubscriberId >= 7010));
            Assert.Equal(People - 10 - fromChunks, ledger.ChunkedRows("crash"));
            Assert.Equal(People, ledger.ForCampaign("crash").Count);
            Assert.Equal(People, ledger.StatesOf("crash").Count);
            Assert.Equal(25, ledger.StatesOf("crash").Count(s => s.State == DeliveryState.Sending));
        });
    }

    [Fact]
    public async Task A_person_erased_while_their_row_is_held_in_a_chunk_is_never_claimed()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        const long Erased = 7050;
        await bot.StopHostAsync();

        await WhileStoppedAsync(bot, async (ledger, store, _) =>
        {
            ledger.Pseudonymise(Directive920Bot.Registration.ErasurePseudonyms.Create(Erased));
            Assert.Empty(ledger.ForSubscriber(Erased));

            var claimed = await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, People);

            Assert.Equal(People - 1, claimed.Count);
            Assert.DoesNotContain(claimed, r => r.SubscriberId == Erased);
            Assert.Equal(People - 1, store.ForCampaign("crash").Count);
            Assert.Equal(0, ledger.ChunkedRows("crash"));
        });
    }

    [Fact]
    public async Task After_a_crash_in_the_middle_of_a_chunk_the_restart_sends_each_row_once_and_deletes_the_chunks()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        // The crash: 25 rows claimed (15 of them taken from the chunks), none sent.
        await WhileStoppedAsync(bot, async (ledger, _, _) => Assert.Equal(25, (await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, 25)).Count));

        await bot.StartHostAsync();
        await bot.DrainAsync("crash");
        var store = bot.Get<IDeliveryLedgerStore>();
        await bot.Emulator.WaitUntilAsync(() => store.Chunks().Count == 0, TimeSpan.FromSeconds(30));

        Assert.All(Enumerable.Range(7000, People), id => Assert.Single(bot.BotMessages(id)));
        var rows = store.ForCampaign("crash");
        Assert.Equal(People, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(People, bot.Get<CampaignService>().Progress("crash").Sent);
    }

    [Fact]
    public async Task Cancelling_after_some_rows_of_a_chunk_were_sent_skips_only_the_rest()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        var skipped = 0;
        await WhileStoppedAsync(bot, async (ledger, _, _) =>
        {
            foreach (var row in await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, 25))
            {
                await ledger.CompleteAsync(row, DeliveryState.Sent, null, messageId: 1);
            }

            skipped = ledger.SkipPending("crash", "cancelled by test");
            Assert.Empty(ledger.ForCampaign("crash", DeliveryState.Pending));
            // Progress counts the cancelled rows as skipped before the chunks are settled.
            var states = ledger.StatesOf("crash");
            Assert.Equal(People, states.Count);
            Assert.Equal(People - 25, states.Count(s => s.State == DeliveryState.Skipped));
            Assert.Equal(0, await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, People).ContinueWith(t => t.Result.Count, TaskScheduler.Default));
        });
        Assert.Equal(People - 25, skipped);

        await bot.StartHostAsync();
        var store = bot.Get<IDeliveryLedgerStore>();
        await bot.Emulator.WaitUntilAsync(() => store.Chunks().Count == 0, TimeSpan.FromSeconds(30));
        var rows = store.ForCampaign("crash");
        Assert.Equal(People, rows.Count);
        Assert.Equal(25, rows.Count(r => r.State == DeliveryState.Sent));
        Assert.All(rows.Where(r => r.State != DeliveryState.Sent), r =>
        {
            Assert.Equal(DeliveryState.Skipped, r.State);
            Assert.Equal("cancelled by test", r.LastError);
        });
        Assert.All(Enumerable.Range(7000, People), id => Assert.Empty(bot.BotMessages(id)));
    }

    [Fact]
    public async Task A_cancel_that_rolls_back_leaves_the_held_rows_claimable_at_once_and_after_the_settling()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        await bot.StopHostAsync();

        await WhileStoppedAsync(bot, async (ledger, store, storage) =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync<int>(tx =>
            {
                ledger.SkipPending(tx, "crash", "cancelled, then rolled back");
                throw new InvalidOperationException("the cancel's transaction fails");
            }));
            Assert.All(store.Chunks("crash"), c => Assert.Null(c.SkipReason));
            // Where chunks hold rows (the embedded store), they are pending again at once, before any settling; on
            // PostgreSQL the rows not yet written out are not rows yet.
            Assert.Equal(ledger.HoldsChunkRows ? People : 10, ledger.ForCampaign("crash").Count(r => r.State == DeliveryState.Pending));

            await ledger.SettleChunksAsync();
            var claimed = await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, People);

            Assert.Equal(People, claimed.Count);
            Assert.Equal(0, ledger.ChunkedRows("crash"));
        });
    }

    [Fact]
    public async Task An_erasure_that_fails_gives_the_persons_held_rows_back_and_they_are_still_sent()
    {
        await using var bot = await StartAsync();
        SeedPeople(bot);
        const long NotErased = 7050;
        await bot.StopHostAsync();

        await WhileStoppedAsync(bot, async (ledger, store, storage) =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync<int>(tx =>
            {
                ledger.Pseudonymise(tx, Directive920Bot.Registration.ErasurePseudonyms.Create(NotErased));
                throw new InvalidOperationException("a later step of the erasure fails");
            }));
            Assert.Single(ledger.ForSubscriber(NotErased));

            await ledger.SettleChunksAsync();
            var claimed = await ledger.ClaimDueAsync(bot.Clock.GetUtcNow().UtcDateTime, People);

            Assert.Equal(People, claimed.Count);
            Assert.Single(claimed, r => r.SubscriberId == NotErased);
            Assert.Equal(0, ledger.ChunkedRows("crash"));
        });
    }

    /// <summary>
    /// Writes an expansion of everyone (campaign "crash": 10 rows, the rest in chunks of 10) into the stopped service's
    /// store, as the service itself does, then runs <paramref name="then"/> on the same ledger.
    /// </summary>
    private static void WhileStopped(BotHarness bot, Action<DeliveryLedger> then) =>
        WhileStoppedAsync(bot, (ledger, _, _) =>
        {
            then(ledger);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <inheritdoc cref="WhileStopped"/>
    private static async Task WhileStoppedAsync(BotHarness bot, Func<DeliveryLedger, IDeliveryLedgerStore, IStorage, Task> then)
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
        using var store = bot.OpenStore();
        var storage = store.Services.GetRequiredService<IStorage>();
        var rowStore = store.Services.GetRequiredService<IDeliveryLedgerStore>();
        var ledger = new DeliveryLedger(storage, rowStore, bot.Clock);
        ledger.Publish(storage.Write(tx => ledger.InsertExpansion(tx, rows, 10)));
        await then(ledger, rowStore, storage);
    }
}
