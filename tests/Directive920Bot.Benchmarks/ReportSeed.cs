using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// The reports' data set, shared by <see cref="ReportBenchmark"/> and <see cref="ConsoleBenchmark"/>: 126 units (bloc → 25
/// agencies → 4 divisions each), <paramref name="subscriberCount"/> subscribers and as many roster entries spread over the
/// divisions, and the counters that <c>subscriberCount × itemCount</c> sent rows (about 70 % acknowledged) leave behind.
/// </summary>
internal static class ReportSeed
{
    public sealed record Seeded(IReadOnlyList<string> Units, IReadOnlyList<string> Items, string[] UnitOf);

    public static Seeded Seed(BenchmarkHost host, int subscriberCount, int itemCount)
    {
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
        var db = host.Get<Storage.LiteDb.Database>();
        var random = new Random(920);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var unitOf = new string[subscriberCount];
        db.Write(_ =>
        {
            var subscribers = db.Collection<Subscriber>(Storage.LiteDb.SubscriberCollections.Subscribers);
            var roster = db.Collection<RosterEntry>(Storage.LiteDb.RosterCollections.Roster);
            for (var i = 0; i < subscriberCount; i++)
            {
                unitOf[i] = leaves[random.Next(leaves.Count)];
                subscribers.Insert(new Subscriber
                {
                    Id = 1_000_000 + i, FullName = "Cán bộ " + i, UnitCode = unitOf[i], Role = CadreRole.Staff,
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
        var items = host.Get<ContentService>().Current.Items.Select(i => i.Id).Concat(Enumerable.Range(0, itemCount).Select(n => "campaign:bench" + n)).Take(itemCount).ToList();
        var counters = new Dictionary<string, ItemCounter>(StringComparer.Ordinal);
        for (var i = 0; i < subscriberCount; i++)
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
        if (host.Get<ReportService>().Unit("KHOI")!.Delivered != subscriberCount * itemCount)
        {
            throw new InvalidOperationException("setup did not produce the delivered rows' worth of counters");
        }

        return new Seeded(host.Get<IUnits>().All().Select(u => u.Code).ToList(), items, unitOf);
    }
}
