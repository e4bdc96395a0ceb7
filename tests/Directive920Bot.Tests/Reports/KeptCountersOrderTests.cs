using Directive920Bot.Delivery;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Reports;

/// <summary>
/// The counters reports read are kept in memory and replaced by what each commit wrote. On PostgreSQL transactions
/// commit concurrently, so two commits that wrote one counter may tell it in either order (regression: a report one
/// delivery short, seen in CI as 48 delivered against the ledger's 49).
/// </summary>
public sealed class KeptCountersOrderTests
{
    [SkippableFact]
    public async Task An_older_commit_told_after_a_newer_one_does_not_replace_the_newer_counter()
    {
        // The real host on a PostgreSQL database of the test cluster (the embedded store tells commits in order on its one writer).
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:ConnectionString"] = PostgresCluster.CreateDatabase("counters_" + Guid.NewGuid().ToString("N")),
        });
        var storage = bot.Get<IStorage>();
        var counters = bot.Get<ReportCounters>();
        Assert.Empty(counters.AllItems()); // loads the kept counters, so that commits replace them from now on
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        DeliveryRow Sent(string id) => new()
        {
            Id = id, OccurrenceId = "c:order:1", CampaignId = "order", SubscriberId = 1, Kind = DeliveryKind.Announcement,
            UnitCode = "SNV", State = DeliveryState.Sent, SentAt = now, CreatedAt = now, DueAt = now,
        };

        // The first transaction commits, then is held before it tells the kept counters; the second commits and tells.
        var firstCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => storage.WriteAsync(tx =>
        {
            tx.AfterCommit(() =>
            {
                firstCommitted.SetResult();
                release.Wait(TimeSpan.FromSeconds(30));
            });
            return counters.RecordDelivered(tx, Sent("c:order:1:a"));
        }));
        await firstCommitted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await storage.WriteAsync(tx => counters.RecordDelivered(tx, Sent("c:order:1:b"))));
        release.Set();
        Assert.True(await first);

        var kept = Assert.Single(counters.AllItems(), c => c.ItemId == "campaign:order");
        Assert.Equal(2, kept.Delivered);
        Assert.Equal(2, Assert.Single(bot.Get<IReportCounterStore>().AllItems(), c => c.ItemId == "campaign:order").Delivered);
    }
}
