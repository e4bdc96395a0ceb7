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
        var random = new Random(920);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var unitOf = new string[subscriberCount];
        var statuses = new SubscriberStatus[subscriberCount];
        for (var i = 0; i < subscriberCount; i++)
        {
            unitOf[i] = leaves[random.Next(leaves.Count)];
            statuses[i] = random.Next(20) switch { 0 => SubscriberStatus.Blocked, 1 => SubscriberStatus.Stopped, _ => SubscriberStatus.Active };
        }

        var people = Enumerable.Range(0, subscriberCount).Select(i => new Subscriber
        {
            Id = 1_000_000 + i, FullName = "Cán bộ " + i, UnitCode = unitOf[i], Role = CadreRole.Staff,
            Status = statuses[i], ConsentAt = now, RegisteredAt = now, UpdatedAt = now,
        });
        var entries = Enumerable.Range(0, subscriberCount).Select(i => new RosterEntry
        {
            Key = "k" + i, InviteCode = "i" + i, FullName = "Cán bộ " + i, NameKey = "can bo " + i, UnitCode = unitOf[i], SubscriberId = 1_000_000 + i, UpdatedAt = now,
        });
        if (host.ConnectionString is { } pg)
        {
            // PostgreSQL: one COPY per table (a bulk import); the member counts are a query there, nothing to rebuild.
            PgSeed.Subscribers(pg, people);
            PgSeed.Roster(pg, entries);
        }
        else
        {
            var db = host.Get<Storage.LiteDb.Database>();
            // The people a thousand per transaction, as registrations arrive one at a time (LiteDB's page cache grows to
            // the most pages one transaction held and never shrinks); the roster in one, as a roster import writes it.
            var subscribers = db.Collection<Subscriber>(Storage.LiteDb.SubscriberCollections.Subscribers);
            foreach (var batch in people.Chunk(1_000))
            {
                db.Write(_ =>
                {
                    foreach (var subscriber in batch)
                    {
                        subscribers.Insert(subscriber);
                    }
                });
            }

            db.Write(_ =>
            {
                var roster = db.Collection<RosterEntry>(Storage.LiteDb.RosterCollections.Roster);
                foreach (var entry in entries)
                {
                    roster.Insert(entry);
                }
            });

            // The seed wrote the collections behind the stores' backs: count their members per unit as migration 6 does.
            db.Write(host.Get<ISubscribers>().RebuildCounts);
            db.Write(host.Get<IRoster>().RebuildCounts);
        }

        // What the observers leave after 3,000,000 sent rows: one counter per unit and item.
        var items = host.Get<ContentService>().Current.Items.Select(i => i.Id).Concat(Enumerable.Range(0, itemCount).Select(n => "campaign:bench" + n)).Take(itemCount).ToList();
        var counters = new Dictionary<string, ItemCounter>(StringComparer.Ordinal);
        // …and per unit and local day (the console's trend): each item sent on one of the last 50 days (its own random
        // sequence, so the item counters stay those of earlier runs).
        var days = new Dictionary<string, UnitDayCounter>(StringComparer.Ordinal);
        var dayRandom = new Random(921);
        var zone = host.Get<Hosting.BotClock>().Zone;
        var sentDays = Enumerable.Range(1, 49).Select(d => UnitDayCounter.DayKey(zone, now.AddDays(-d))).ToArray();
        for (var i = 0; i < subscriberCount; i++)
        {
            foreach (var item in items)
            {
                var id = unitOf[i] + "|" + item;
                if (!counters.TryGetValue(id, out var c))
                {
                    counters[id] = c = new ItemCounter { Id = id, UnitCode = unitOf[i], ItemId = item, Kind = DeliveryKind.Lesson };
                }

                var dayKey = sentDays[dayRandom.Next(sentDays.Length)];
                var dayId = UnitDayCounter.IdFor(unitOf[i], dayKey);
                if (!days.TryGetValue(dayId, out var day))
                {
                    days[dayId] = day = new UnitDayCounter { Id = dayId, UnitCode = unitOf[i], Day = dayKey };
                }

                c.Delivered++;
                day.Delivered++;
                if (random.Next(10) < 7)
                {
                    var delay = TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 5));
                    if (delay < TimeSpan.FromDays(2))
                    {
                        c.OnTime++;
                        day.OnTime++;
                    }
                    else
                    {
                        c.Late++;
                        day.Late++;
                    }

                    c.Delays[DelayBuckets.Index(delay)]++;
                }
            }
        }

        var storage = host.Get<Storage.IStorage>();
        storage.Write(tx => host.Get<IReportCounterStore>().SaveItems(tx, counters.Values));
        storage.Write(tx => host.Get<IReportCounterStore>().SaveDays(tx, days.Values));
        if (host.Get<ReportService>().Unit("KHOI")!.Delivered != (long)subscriberCount * itemCount)
        {
            throw new InvalidOperationException("setup did not produce the delivered rows' worth of counters");
        }

        return new Seeded(host.Get<IUnits>().All().Select(u => u.Code).ToList(), items, unitOf);
    }
}
