using BenchmarkDotNet.Attributes;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal: expanding one occurrence for 100,000 subscribers (resolve the audience, make the occurrence durable in the
/// ledger) in ≤ 2 s. The expansion writes the first chunk as rows and the rest as chunk documents. On the embedded store
/// a chunk's rows are written when the dispatcher claims them (issue 13: writing out the 99,000 rows at once allocated
/// 6.1 GB); the other benchmark measures what replaced that write-out in the background — holding the chunks' rows
/// again after a restart — and <see cref="ClaimChunkedRowsBenchmark"/> claiming every row; on PostgreSQL the
/// materialiser still writes chunks out (<see cref="PostgresChunkWriteOutBenchmark"/>).
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class ExpandOccurrenceBenchmark
{
    public const int Subscribers = 100_000;

    private BenchmarkHost host = null!;
    private string lastCampaign = "";

    [GlobalSetup]
    public void Setup()
    {
        // Not started: no materialiser or dispatcher runs behind the measurement.
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        host.Seed(Subscribers, addUsers: false);
    }

    [IterationSetup(Target = nameof(Expand_one_occurrence_for_100000_subscribers))]
    public void EmptyLedger() => EmptyLedger(host);

    /// <summary>
    /// Deletes every ledger row and chunk behind the store (between iterations, not measured), and what the ledger holds
    /// of them in memory, as a restart would.
    /// </summary>
    internal static void EmptyLedger(BenchmarkHost host)
    {
        if (host.ConnectionString is { } pg)
        {
            // TRUNCATE, not DELETE: no dead rows left for the next iteration's inserts and index scans to step over.
            BenchStorage.Execute(pg, "TRUNCATE deliveries, delivery_chunks");
        }
        else
        {
            var db = host.Get<Storage.LiteDb.Database>().Lite;
            db.GetCollection(DeliveryLedger.CollectionName).DeleteAll();
            db.GetCollection(Storage.LiteDb.Delivery.LiteDbDeliveryLedger.ChunksCollection).DeleteAll();
        }

        host.Get<DeliveryLedger>().RecoverAtStart();
    }

    /// <summary>Ledger rows stored, counted behind the store.</summary>
    internal static long LedgerRows(BenchmarkHost host) => host.ConnectionString is { } pg
        ? BenchStorage.Count(pg, "SELECT count(*) FROM deliveries")
        : host.Get<Storage.LiteDb.Database>().Lite.GetCollection(DeliveryLedger.CollectionName).Count();

    [Benchmark(Description = "Expand one occurrence for 100,000 subscribers")]
    public string Expand_one_occurrence_for_100000_subscribers()
    {
        lastCampaign = host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), Actor.Console("bench")).Id;
        return lastCampaign;
    }

    [IterationSetup(Target = nameof(Hold_the_chunked_rows_of_one_100000_person_occurrence_again_after_a_restart))]
    public void Expand()
    {
        EmptyLedger();
        Expand_one_occurrence_for_100000_subscribers();
    }

    /// <summary>Empties the ledger and expands one occurrence for everyone; returns the campaign id.</summary>
    internal static string Expand(BenchmarkHost host)
    {
        EmptyLedger(host);
        return host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), Actor.Console("bench")).Id;
    }

    /// <summary>On the embedded store: the background work left after an expansion, done again at every start.</summary>
    [Benchmark(Description = "Hold the 99,000 chunked rows of one occurrence again after a restart (embedded store)")]
    public int Hold_the_chunked_rows_of_one_100000_person_occurrence_again_after_a_restart()
    {
        var ledger = host.Get<DeliveryLedger>();
        if (!ledger.HoldsChunkRows)
        {
            throw new NotSupportedException("PostgreSQL writes chunks out instead (PostgresChunkWriteOutBenchmark)");
        }

        ledger.RecoverAtStart();
        return ledger.Held.Count;
    }

    internal static int WriteOut(DeliveryLedger ledger)
    {
        var chunks = 0;
        while (ledger.MaterialiseNextAsync().GetAwaiter().GetResult())
        {
            chunks++;
        }

        return chunks;
    }

    [IterationCleanup]
    public void CheckExpanded()
    {
        // The occurrence is complete only if every person has a row, stored or held in a chunk.
        var ledger = host.Get<DeliveryLedger>();
        var expanded = LedgerRows(host) + ledger.ChunkedRows();
        if (expanded != Subscribers)
        {
            throw new InvalidOperationException($"campaign {lastCampaign} expanded {expanded} rows, expected {Subscribers}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ResidentSet.Print(nameof(ExpandOccurrenceBenchmark));
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
