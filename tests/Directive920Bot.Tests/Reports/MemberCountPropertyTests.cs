using Directive920Bot.Storage.LiteDb;
using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Admin;
using Directive920Bot.Storage.LiteDb.Registration;
using Directive920Bot.Tests.Infrastructure;
using LiteDB;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>
/// The members per unit that the subscriber and roster stores keep with every write (what reports read instead of
/// counting people) against a recount of the stores, after a random sequence of registrations, unfinished
/// registrations, status changes, unit moves (also from a stale copy), erasures and roster imports and re-imports.
/// </summary>
public sealed class MemberCountPropertyTests
{
    private const string Header = "full_name,unit_code,role,position,phone\n";
    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"];
    private static readonly string[] Middle = ["Văn", "Thị", "Hữu", "Minh"];
    private static readonly string[] Given = ["An", "Bình", "Cường", "Dung", "Hằng", "Hiếu", "Mai", "Nam"];

    [Theory]
    [InlineData(1)]
    [InlineData(920)]
    [InlineData(20261201)]
    public async Task Kept_member_counts_equal_a_recount_of_the_stores_after_random_changes(int seed)
    {
        // No drip track and no ticks: nothing else changes the generated people.
        await using var bot = await BotHarness.StartAsync(Engagement.EngagementKit.Settings());
        var random = new Random(seed);
        var units = bot.Get<IUnits>().All().Select(u => u.Code).ToList();
        var subscribers = bot.Get<ISubscribers>();
        var storage = bot.Get<IStorage>();
        var people = new List<long>();
        // Each unit's pool of people a roster may list; a re-import lists a random part of it and retires the rest.
        var pools = units.Select((u, n) => (u, n)).ToDictionary(x => x.u, x => Enumerable.Range(0, 12).Select(i => (Name: Name(random), Phone: Phone(x.n, i))).ToList());
        for (var step = 0; step < 240; step++)
        {
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                {
                    var done = random.Next(5) > 0;
                    var id = 70_000L + step;
                    var added = new Subscriber
                    {
                        Id = id,
                        FullName = Name(random),
                        UnitCode = random.Next(10) == 0 ? null : Pick(units, random),
                        Role = CadreRole.Staff,
                        Status = done ? (SubscriberStatus)random.Next(1, 4) : SubscriberStatus.Registering,
                        RegisteredAt = done ? bot.Clock.GetUtcNow().UtcDateTime : null,
                    };
                    storage.Write(tx => subscribers.Save(tx, added));
                    people.Add(id);
                    break;
                }

                case 3 when people.Count > 0:
                    // The way Telegram's block and unblock arrive, and /stop and /start.
                    if (random.Next(2) == 0)
                    {
                        storage.Write(tx => subscribers.SetStatus(tx, Pick(people, random), (SubscriberStatus)random.Next(1, 4)));
                    }
                    else if (subscribers.Find(Pick(people, random)) is { } subscriber)
                    {
                        subscriber.Status = (SubscriberStatus)random.Next(1, 4);
                        storage.Write(tx => subscribers.Save(tx, subscriber));
                    }

                    break;
                case 4 when people.Count > 0:
                {
                    // A profile edit to another unit from a copy read before a status change: the counts follow what is
                    // stored (the stale status comes back with the move), not what either caller thought it changed.
                    var id = Pick(people, random);
                    var stale = subscribers.Find(id);
                    storage.Write(tx => subscribers.SetStatus(tx, id, (SubscriberStatus)random.Next(1, 4)));
                    if (stale is not null)
                    {
                        stale.UnitCode = Pick(units, random);
                        if (random.Next(3) == 0 && !stale.IsRegistered)
                        {
                            // Registration finished.
                            stale.Status = SubscriberStatus.Active;
                            stale.RegisteredAt = bot.Clock.GetUtcNow().UtcDateTime;
                        }

                        storage.Write(tx => subscribers.Save(tx, stale));
                    }

                    break;
                }

                case 5 when people.Count > 0:
                {
                    var id = Pick(people, random);
                    bot.Get<PersonalDataService>().Erase(id);
                    people.Remove(id);
                    break;
                }

                case 6 or 7:
                {
                    var csv = new StringBuilder(Header);
                    foreach (var unit in units.Where(_ => random.Next(4) == 0).DefaultIfEmpty(Pick(units, random)))
                    {
                        foreach (var (name, phone) in pools[unit].Where(_ => random.Next(3) > 0))
                        {
                            csv.Append(CultureInfo.InvariantCulture, $"{name},{unit},staff,,{phone}\n");
                        }
                    }

                    var result = ImportRoster(bot, "roster.csv", csv.ToString());
                    Assert.True(result.Ok, string.Join('\n', result.Errors));
                    break;
                }

                case 8 when people.Count > 0:
                {
                    // A cadre links themselves to an entry of their unit, as the registration dialogue does.
                    var subscriber = subscribers.Find(Pick(people, random));
                    var entry = subscriber?.UnitCode is { } unit ? bot.Get<IRoster>().InUnits([unit]).FirstOrDefault(e => e.SubscriberId is null) : null;
                    if (subscriber is { IsRegistered: true, RosterEntryId: null } && entry is not null)
                    {
                        bot.Get<RosterService>().Link(subscriber.Id, subscriber, entry, RosterLink.Suggested);
                    }

                    break;
                }

                default:
                    break;
            }

            if (step % 20 == 19)
            {
                AssertKeptCountsEqualRecount(bot);
            }
        }

        AssertKeptCountsEqualRecount(bot);

        // The reports read the kept counts: each unit's roll-up is the recount over its sub-tree.
        var tree = bot.Get<IUnits>().All();
        var registered = subscribers.Registered().Where(s => s.UnitCode is not null).ToList();
        var roster = bot.Get<IRoster>().All().Where(e => e.Current).ToList();
        foreach (var report in bot.Get<ReportService>().Units(units))
        {
            var root = tree.Single(u => u.Code == report.Code);
            var codes = tree.Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal)).Select(u => u.Code).ToHashSet();
            var own = registered.Where(s => codes.Contains(s.UnitCode!)).ToList();
            Assert.Equal(
                (own.Count, own.Count(s => s.Status == SubscriberStatus.Active), own.Count(s => s.Status == SubscriberStatus.Blocked),
                    own.Count(s => s.Status == SubscriberStatus.Stopped), roster.Count(e => codes.Contains(e.UnitCode))),
                (report.Registered, report.Active, report.Blocked, report.Stopped, report.Roster));
            var single = bot.Get<ReportService>().Unit(report.Code)!;
            Assert.Equal((report.Registered, report.Active, report.Blocked, report.Stopped, report.Roster),
                (single.Registered, single.Active, single.Blocked, single.Stopped, single.Roster));
        }

        // Reconciling from the stores changes nothing.
        var kept = (Subscribers: Normalized(subscribers.CountsByUnit()), Roster: Normalized(bot.Get<IRoster>().CurrentByUnit()));
        storage.Write(subscribers.RebuildCounts);
        storage.Write(bot.Get<IRoster>().RebuildCounts);
        Assert.Equal(kept.Subscribers, Normalized(subscribers.CountsByUnit()));
        Assert.Equal(kept.Roster, Normalized(bot.Get<IRoster>().CurrentByUnit()));
    }

    [Fact]
    public void A_version_5_file_gets_its_member_counts_from_what_it_stores()
    {
        var folder = Directory.CreateTempSubdirectory("d920-members-").FullName;
        try
        {
            var path = Path.Combine(folder, "old.db");
            var mapper = Mapper.Create();
            using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper))
            {
                old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 5 });
                var at = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
                old.GetCollection<Subscriber>(LiteDbSubscribers.CollectionName).Insert(
                [
                    new Subscriber { Id = 1, UnitCode = "A", Status = SubscriberStatus.Active, RegisteredAt = at },
                    new Subscriber { Id = 2, UnitCode = "A", Status = SubscriberStatus.Blocked, RegisteredAt = at },
                    new Subscriber { Id = 3, UnitCode = "B", Status = SubscriberStatus.Stopped, RegisteredAt = at },
                    new Subscriber { Id = 4, UnitCode = "B", Status = SubscriberStatus.Registering },
                ]);
                old.GetCollection<RosterEntry>(LiteDbRoster.CollectionName).Insert(
                [
                    new RosterEntry { Key = "1", InviteCode = "1", UnitCode = "A" },
                    new RosterEntry { Key = "2", InviteCode = "2", UnitCode = "B" },
                    new RosterEntry { Key = "3", InviteCode = "3", UnitCode = "B", Current = false },
                ]);
                old.GetCollection(LiteDbSubscribers.CollectionName).EnsureIndex("report_unit_status", "$.UnitCode + '|' + $.Status");
            }

            using var db = new Database(path, mapper, [LiteDbSubscribers.Schema, LiteDbRoster.Schema], TimeProvider.System);

            Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(db.Lite));
            // Records older than the channel field count under the channel their id says: Telegram users' ids here.
            Assert.Equal(new MemberCount(2, 1, 1, 0, TelegramOnly: 2), new LiteDbSubscribers(db, TimeProvider.System).CountsByUnit()["A"]);
            Assert.Equal(new MemberCount(1, 0, 0, 1, TelegramOnly: 1), new LiteDbSubscribers(db, TimeProvider.System).CountsByUnit()["B"]);
            Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1 }, Normalized(new LiteDbRoster(db).CurrentByUnit()));
            Assert.DoesNotContain(db.Lite.GetCollection("$indexes").FindAll(), i => i["name"].AsString == "report_unit_status");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertKeptCountsEqualRecount(BotHarness bot)
    {
        var recount = bot.Get<ISubscribers>().Registered().Where(s => s.UnitCode is not null).GroupBy(s => s.UnitCode!)
            .ToDictionary(g => g.Key, g => new MemberCount(g.Count(), g.Count(s => s.Status == SubscriberStatus.Active),
                g.Count(s => s.Status == SubscriberStatus.Blocked), g.Count(s => s.Status == SubscriberStatus.Stopped),
                g.Count(s => s.ChannelsInUse == ChannelUse.Telegram), g.Count(s => s.ChannelsInUse == ChannelUse.Zalo), g.Count(s => s.ChannelsInUse == ChannelUse.Both)));
        Assert.Equal(recount.OrderBy(x => x.Key, StringComparer.Ordinal), Normalized(bot.Get<ISubscribers>().CountsByUnit()).OrderBy(x => x.Key, StringComparer.Ordinal));

        var roster = bot.Get<IRoster>().All().Where(e => e.Current).GroupBy(e => e.UnitCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(roster.OrderBy(x => x.Key, StringComparer.Ordinal), Normalized(bot.Get<IRoster>().CurrentByUnit()).OrderBy(x => x.Key, StringComparer.Ordinal));
    }

    // A unit whose people all left keeps its document with zeros: the same as no document.
    private static Dictionary<string, MemberCount> Normalized(IReadOnlyDictionary<string, MemberCount> counts) =>
        counts.Where(c => c.Value != new MemberCount(0, 0, 0, 0)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static Dictionary<string, int> Normalized(IReadOnlyDictionary<string, int> counts) =>
        counts.Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static T Pick<T>(IReadOnlyList<T> list, Random random) => list[random.Next(list.Count)];

    private static string Name(Random random) => $"{Pick(Family, random)} {Pick(Middle, random)} {Pick(Given, random)}";

    // Ten digits, different for every unit and person of the pools: no two roster rows are the same person.
    private static string Phone(int unit, int person) => "09" + (unit * 100 + person).ToString("D8", CultureInfo.InvariantCulture);
}
