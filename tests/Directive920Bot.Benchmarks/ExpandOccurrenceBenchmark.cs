using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Directive920Bot.Delivery;

namespace Directive920Bot.Benchmarks;

/// <summary>Goal: expanding one occurrence for 100,000 subscribers (resolve the audience, write the ledger rows) in ≤ 2 s.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ExpandOccurrenceBenchmark
{
    public const int Subscribers = 100_000;
    private BenchmarkHost host = null!;

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        host.Seed(Subscribers, addUsers: false);
    }

    [IterationSetup]
    public void EmptyLedger() => host.Get<Storage.Database>().Lite.GetCollection(DeliveryLedger.CollectionName).DeleteAll();

    [Benchmark(Description = "Expand one occurrence for 100,000 subscribers")]
    public int Expand_one_occurrence_for_100000_subscribers()
    {
        var campaign = host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), "bench");
        var expanded = host.Get<CampaignService>().Progress(campaign.Id).Expanded;
        return expanded == Subscribers ? expanded : throw new InvalidOperationException($"expanded {expanded}");
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
