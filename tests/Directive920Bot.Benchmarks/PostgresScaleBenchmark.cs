using BenchmarkDotNet.Attributes;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Reports;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goals of issue 19, on PostgreSQL only: with 1,000,000 subscribers × 30 items, expanding one occurrence to everyone
/// ≤ 10 s, a bloc report ≤ 1 s, a unit report ≤ 100 ms. The data are the reports' set (<see cref="ReportSeed"/>: 126
/// units, a million subscribers and roster entries by COPY, the counters of 30,000,000 sent rows), seeded once per
/// process into one database of the throw-away cluster and kept for the three measurements (BenchmarkDotNet runs each
/// method's setup anew; the database is static). The expansion is what <see cref="ExpandOccurrenceBenchmark"/> measures:
/// <c>CampaignService.Create</c> for everyone now (audience read, the occurrence made durable, the campaign updated),
/// on a host that is not started, so no materialiser or dispatcher runs behind it.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
[MemoryDiagnoser]
public class PostgresScaleBenchmark
{
    public const int Subscribers = 1_000_000;
    public const int Items = 30;
    private static string? database;
    private static IReadOnlyList<string> allUnits = [];
    private BenchmarkHost host = null!;
    private ReportService reports = null!;
    private string lastCampaign = "";

    [GlobalSetup]
    public void Setup()
    {
        var seeded = database is not null;
        database ??= BenchStorage.NewDatabase("scale");
        host = BenchmarkHost.StartAsync(BenchStorage.Settings(database), start: false).GetAwaiter().GetResult();
        if (!seeded)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            allUnits = ReportSeed.Seed(host, Subscribers, Items).Units;
            Console.WriteLine(System.FormattableString.Invariant(
                $"// seeded {Subscribers:N0} subscribers, as many roster entries and the counters of {Subscribers * (long)Items:N0} rows in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        }

        reports = host.Get<ReportService>();
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One division (about 8,000 of the million people).</summary>
    [Benchmark]
    public UnitReport? UnitReport() => reports.Unit("A7-D3");

    /// <summary>Every unit of the tree rolled up (GET /api/reports/units for a bloc admin).</summary>
    [Benchmark]
    public int BlocReport() => reports.Units(allUnits).Count;

    [IterationSetup(Target = nameof(Expand_one_occurrence_for_1000000_subscribers))]
    public void EmptyLedger() => ExpandOccurrenceBenchmark.EmptyLedger(host);

    [Benchmark(Description = "Expand one occurrence for 1,000,000 subscribers")]
    public string Expand_one_occurrence_for_1000000_subscribers()
    {
        lastCampaign = host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), Actor.Console("bench")).Id;
        return lastCampaign;
    }

    [IterationCleanup(Target = nameof(Expand_one_occurrence_for_1000000_subscribers))]
    public void CheckExpanded()
    {
        // Durable for everyone: each person is a ledger row or a member of a chunk that the materialiser writes out later.
        var durable = ExpandOccurrenceBenchmark.LedgerRows(host) + host.Get<DeliveryLedger>().ChunkedRows(lastCampaign);
        if (durable != Subscribers)
        {
            throw new InvalidOperationException($"campaign {lastCampaign} made {durable} deliveries durable, expected {Subscribers}");
        }
    }
}
