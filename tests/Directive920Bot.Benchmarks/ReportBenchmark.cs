using BenchmarkDotNet.Attributes;
using Directive920Bot.Reports;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal (issue 13): with 100,000 subscribers and 30 items (3,000,000 ledger rows) a unit report ≤ 20 ms and a bloc-wide
/// report ≤ 100 ms on 2 cores. Reports read the maintained counters (one row per unit and item, kept by the delivery and
/// engagement observers; their equality with a full recount is ReportFiguresPropertyTests), the members per unit that
/// the subscriber and roster stores keep (MemberCountPropertyTests), and the units. The setup writes the counters that
/// 3,000,000 sent rows (about 70 % acknowledged) leave behind, aggregated in memory, plus 100,000 subscribers and
/// 100,000 roster entries in 126 units (bloc → 25 agencies → 4 divisions each).
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
[MemoryDiagnoser]
public class ReportBenchmark
{
    public const int Subscribers = 100_000;
    public const int Items = 30;
    private BenchmarkHost host = null!;
    private ReportService reports = null!;
    private IReadOnlyList<string> allUnits = [];

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        allUnits = ReportSeed.Seed(host, Subscribers, Items).Units;
        reports = host.Get<ReportService>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ResidentSet.Print(nameof(ReportBenchmark));
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One division (about 800 people): what a unit admin's /report and GET /api/reports/units/{code} compute.</summary>
    [Benchmark]
    public UnitReport? UnitReport() => reports.Unit("A7-D3");

    /// <summary>An agency with its four divisions, rolled up.</summary>
    [Benchmark]
    public UnitReport? AgencyReport() => reports.Unit("A7");

    /// <summary>The bloc-wide report: every unit of the tree rolled up (GET /api/reports/units for a bloc admin, units.csv).</summary>
    [Benchmark]
    public int BlocReport() => reports.Units(allUnits).Count;
}
