using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Directive920Bot.Implementation;
using Directive920Bot.Registration;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal (issue 18): the units × requirements matrix for 500 units × 8 requirements × 4 periods ≤ 300 ms. The setup
/// imports 500 reporting units under the bloc and writes 16,000 reports (every unit, requirement and quarter of 2026, a
/// status each) into the real LiteDB store; one operation builds the bloc admin's matrix of each of the four quarters.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
[MemoryDiagnoser]
public class MatrixBenchmark
{
    public const int Units = 500;
    private BenchmarkHost host = null!;
    private ImplementationService service = null!;
    private IReadOnlyList<string> allUnits = [];

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        var csv = new StringBuilder("code,name,parent_code\nKHOI,Đảng bộ Khối,\n");
        for (var u = 1; u <= Units; u++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"U{u},Đơn vị {u},KHOI\n");
        }

        var imported = host.Get<UnitImporter>().Import("units.csv", new StringReader(csv.ToString()));
        if (!imported.Ok)
        {
            throw new InvalidOperationException(string.Join('\n', imported.Errors));
        }

        service = host.Get<ImplementationService>();
        allUnits = host.Get<IUnits>().All().Select(u => u.Code).ToList();
        var requirements = service.Requirements();
        var store = host.Get<IImplementationReports>();
        var random = new Random(920);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        host.Get<Storage.LiteDb.Database>().Write(tx =>
        {
            for (var q = 1; q <= 4; q++)
            {
                var period = new ReportingPeriod(PeriodKind.Quarter, 2026, q);
                for (var u = 1; u <= Units; u++)
                {
                    foreach (var requirement in requirements)
                    {
                        var unit = "U" + u.ToString(CultureInfo.InvariantCulture);
                        store.Save(tx, new ImplementationReport
                        {
                            Id = ImplementationReport.IdFor(period.Id, unit, requirement.Id), PeriodId = period.Id, UnitCode = unit,
                            RequirementId = requirement.Id, Status = (ImplementationStatus)random.Next(3), Actions = "Đã triển khai nội dung " + requirement.Id,
                            UpdatedAt = now, UpdatedBy = "bench",
                        });
                    }
                }
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The bloc admin's matrix of each quarter (GET /api/implementation/matrix?period=2026-Qn, four times).</summary>
    [Benchmark]
    public int FourQuarterMatrices()
    {
        var cells = 0;
        for (var q = 1; q <= 4; q++)
        {
            var matrix = service.Matrix(new ReportingPeriod(PeriodKind.Quarter, 2026, q), allUnits);
            cells += matrix.Rows.Sum(r => r.Statuses.Count(s => s is not null));
        }

        return cells;
    }
}
