using Directive920Bot.Storage.LiteDb;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
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
        var csv = new StringBuilder("code,name,parent_code\nKHOI,Đảng bộ Khối,\n");
        for (var a = 1; a <= 25; a++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A{a},Cơ quan {a},KHOI\n");
            for (var d = 1; d <= 4; d++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"A{a}-D{d},Phòng {d} cơ quan {a},A{a}\n");
            }
        }

        var imported = host.Get<UnitImporter>().Import("units.csv", new StringReader(csv.ToString()));
        if (!imported.Ok)
        {
            throw new InvalidOperationException(string.Join('\n', imported.Errors));
        }

        var leaves = host.Get<IUnits>().All().Where(u => u.Depth == 2).Select(u => u.Code).ToList();
        allUnits = host.Get<IUnits>().All().Select(u => u.Code).ToList();
        var db = host.Get<Storage.LiteDb.Database>();
        var random = new Random(920);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var unitOf = new string[Subscribers];
        db.Write(_ =>
        {
            var subscribers = db.Collection<Subscriber>(Storage.LiteDb.SubscriberCollections.Subscribers);
            var roster = db.Collection<RosterEntry>(Storage.LiteDb.RosterCollections.Roster);
            for (var i = 0; i < Subscribers; i++)
            {
                unitOf[i] = leaves[random.Next(leaves.Count)];
                subscribers.Insert(new Subscriber
                {
                    Id = 1_000_000 + i, ChatId = 1_000_000 + i, FullName = "Cán bộ " + i, UnitCode = unitOf[i], Role = CadreRole.Staff,
                    Status = random.Next(20) switch { 0 => SubscriberStatus.Blocked, 1 => SubscriberStatus.Stopped, _ => SubscriberStatus.Active },
                    ConsentAt = now, RegisteredAt = now,
                });
                roster.Insert(new RosterEntry
                {
                    Key = "k" + i, InviteCode = "i" + i, FullName = "Cán bộ " + i, NameKey = "can bo " + i, UnitCode = unitOf[i], SubscriberId = 1_000_000 + i,
                });
            }
        });

        // The seed wrote the collections behind the stores' backs: count their members per unit as migration 6 does.
        db.Write(host.Get<ISubscribers>().RebuildCounts);
        db.Write(host.Get<IRoster>().RebuildCounts);

        // What the observers leave after 3,000,000 sent rows: one counter per unit and item.
        var items = host.Get<ContentService>().Current.Items.Select(i => i.Id).Concat(Enumerable.Range(0, Items).Select(n => "campaign:bench" + n)).Take(Items).ToList();
        var counters = new Dictionary<string, ItemCounter>(StringComparer.Ordinal);
        for (var i = 0; i < Subscribers; i++)
        {
            foreach (var item in items)
            {
                var id = unitOf[i] + "|" + item;
                if (!counters.TryGetValue(id, out var c))
                {
                    counters[id] = c = new ItemCounter { Id = id, UnitCode = unitOf[i], ItemId = item, Kind = DeliveryKind.Lesson };
                }

                c.Delivered++;
                if (random.Next(10) < 7)
                {
                    var delay = TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 5));
                    if (delay < TimeSpan.FromDays(2))
                    {
                        c.OnTime++;
                    }
                    else
                    {
                        c.Late++;
                    }

                    c.Delays[DelayBuckets.Index(delay)]++;
                }
            }
        }

        db.Write(tx => host.Get<IReportCounterStore>().SaveItems(tx, counters.Values));
        reports = host.Get<ReportService>();
        if (reports.Unit("KHOI")!.Delivered != Subscribers * Items)
        {
            throw new InvalidOperationException("setup did not produce 3,000,000 delivered rows' worth of counters");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

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
