using BenchmarkDotNet.Attributes;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal: expanding one occurrence for 100,000 subscribers (resolve the audience, make the occurrence durable in the
/// ledger) in ≤ 2 s. The expansion writes the first chunk as rows and the rest as chunk documents; the second
/// benchmark measures writing those chunks out as ledger rows, which the service does in the background.
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

    /// <summary>Deletes every ledger row and chunk behind the store (between iterations, not measured).</summary>
    internal static void EmptyLedger(BenchmarkHost host)
    {
        if (host.ConnectionString is { } pg)
        {
            // TRUNCATE, not DELETE: no dead rows left for the next iteration's inserts and index scans to step over.
            BenchStorage.Execute(pg, "TRUNCATE deliveries, delivery_chunks");
            return;
        }

        var db = host.Get<Storage.LiteDb.Database>().Lite;
        db.GetCollection(DeliveryLedger.CollectionName).DeleteAll();
        db.GetCollection(Storage.LiteDb.Delivery.LiteDbDeliveryLedger.ChunksCollection).DeleteAll();
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

    [IterationSetup(Target = nameof(Write_out_the_chunks_of_one_100000_person_occurrence))]
    public void ExpandForWriteOut()
    {
        EmptyLedger();
        Expand_one_occurrence_for_100000_subscribers();
    }

    [Benchmark(Description = "Write out the chunks of one 100,000-person occurrence as ledger rows (background work)")]
    public int Write_out_the_chunks_of_one_100000_person_occurrence()
    {
        var ledger = host.Get<DeliveryLedger>();
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
        // The occurrence is complete only if every person has a row once the chunks are written out.
        Write_out_the_chunks_of_one_100000_person_occurrence();
        var expanded = LedgerRows(host);
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
