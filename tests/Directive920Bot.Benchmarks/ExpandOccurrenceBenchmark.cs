using BenchmarkDotNet.Attributes;
using Directive920Bot.Delivery;

namespace Directive920Bot.Benchmarks;

/// <summary>Goal: expanding one occurrence for 100,000 subscribers (resolve the audience, write the ledger rows) in ≤ 2 s.</summary>
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
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        host.Seed(Subscribers, addUsers: false);
    }

    [IterationSetup]
    public void EmptyLedger() => host.Get<Storage.Database>().Lite.GetCollection(DeliveryLedger.CollectionName).DeleteAll();

    [Benchmark(Description = "Expand one occurrence for 100,000 subscribers")]
    public string Expand_one_occurrence_for_100000_subscribers()
    {
        lastCampaign = host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), "bench").Id;
        return lastCampaign;
    }

    [IterationCleanup]
    public void CheckExpanded()
    {
        var expanded = host.Get<Storage.Database>().Lite.GetCollection(DeliveryLedger.CollectionName).Count();
        if (expanded != Subscribers)
        {
            throw new InvalidOperationException($"campaign {lastCampaign} expanded {expanded} rows, expected {Subscribers}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
