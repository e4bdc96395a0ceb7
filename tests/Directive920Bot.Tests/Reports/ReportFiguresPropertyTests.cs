using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Reports;

/// <summary>
/// The maintained counters against a brute-force recount of the same randomized events: deliveries, acknowledgements
/// and quiz answers arrive shuffled and repeated (as after a crash and redelivery), and every unit's rolled-up figures
/// must equal what a full scan of the raw events says.
/// </summary>
public sealed class ReportFiguresPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20261201)]
    [InlineData(777)]
    public async Task Report_figures_equal_a_brute_force_recount_of_random_events(int seed)
    {
        // No drip track and no ticks: nothing else may send to (and so change the status of) the generated people.
        await using var bot = await BotHarness.StartAsync(Engagement.EngagementKit.Settings());
        var random = new Random(seed);
        var units = bot.Get<IUnits>().All();
        var items = bot.Get<ContentService>().Current.Track.Take(4).ToList();
        var start = bot.Clock.GetUtcNow().UtcDateTime;

        // People: registered subscribers in random units and states; a roster partly overlapping them.
        var people = Enumerable.Range(0, 120).Select(i => new Subscriber
        {
            Id = 50_000 + i,
            FullName = "Cán Bộ " + i,
            UnitCode = units[random.Next(units.Count)].Code,
            Role = random.Next(4) == 0 ? CadreRole.Leader : CadreRole.Staff,
            Status = (SubscriberStatus)random.Next(1, 4),
            RegisteredAt = start,
        }).ToList();
        foreach (var p in people)
        {
            bot.Get<IStorage>().Write(tx => bot.Get<ISubscribers>().Save(tx, p));
        }

        var roster = Enumerable.Range(0, 150).Select(i => new RosterEntry
        {
            Key = "k" + i,
            InviteCode = "i" + i,
            FullName = "Người " + i,
            UnitCode = units[random.Next(units.Count)].Code,
            Current = random.Next(10) > 0,
        }).ToList();
        foreach (var e in roster)
        {
            bot.Get<IStorage>().Write(tx => bot.Get<IRoster>().Save(tx, e));
        }

        // Deliveries of lessons and a free-text announcement; some failed or blocked (never counted).
        var rows = new List<DeliveryRow>();
        foreach (var p in people)
        {
            foreach (var item in items.Where(_ => random.Next(3) > 0))
            {
                rows.Add(Row(p, item.Id, null, DeliveryKind.Lesson, random, start));
            }

            if (random.Next(2) == 0)
            {
                rows.Add(Row(p, null, "camp1", DeliveryKind.Announcement, random, start));
            }
        }

        var acks = rows.Where(r => r.State == DeliveryState.Sent && random.Next(3) > 0).Select(r =>
        {
            var delay = TimeSpan.FromMinutes(random.Next(0, 5) == 0 ? random.Next(0, 60 * 24 * 40) : random.Next(0, 300));
            return new Acknowledgement
            {
                Id = $"{r.SubscriberId}:{r.ItemId ?? r.OccurrenceId}:h",
                SubscriberId = r.SubscriberId,
                ItemId = r.ItemId,
                CampaignId = r.CampaignId,
                Subject = r.ItemId ?? r.OccurrenceId,
                DeliveryId = r.Id,
                UnitCode = r.UnitCode,
                DeliveredAt = r.SentAt!.Value,
                AcknowledgedAt = r.SentAt!.Value + delay,
                OnTime = delay < TimeSpan.FromHours(24),
            };
        }).ToList();

        var answers = new List<QuizAnswer>();
        foreach (var r in rows.Where(r => r.State == DeliveryState.Sent && r.ItemId is not null && random.Next(2) == 0))
        {
            foreach (var q in new[] { "q1", "q2" })
            {
                for (var n = random.Next(1, 3); n > 0; n--)
                {
                    answers.Add(new QuizAnswer
                    {
                        Id = $"{r.Id}|{q}|{n}",
                        SubscriberId = r.SubscriberId,
                        DeliveryId = r.Id,
                        ItemId = r.ItemId!,
                        QuestionId = q,
                        QuestionKey = r.ItemId + ":" + q,
                        Correct = random.Next(3) > 0,
                        IsReview = n > 1 && random.Next(2) == 0,
                        UnitCode = r.UnitCode,
                        AnsweredAt = r.SentAt!.Value.AddMinutes(n),
                    });
                }
            }
        }

        // Feed the observers shuffled, with a third of the events told twice. An acknowledgement reaches the counters the
        // way engagement passes it on: in the transaction of its insert, which fails on a taken id when told again.
        var counters = bot.Get<ReportCounters>();
        var store = bot.Get<IAcknowledgements>();
        // The service's store, whichever provider runs (D920_TEST_STORAGE): the figures must hold on both.
        var db = bot.Get<IStorage>();
        var events = new List<Action>();
        // A sent row reaches them the way the dispatcher passes it on: in the transaction that records its outcome.
        events.AddRange(rows.Select(r => (Action)(() => db.Write(tx => counters.RecordDelivered(tx, r)))));
        events.AddRange(acks.Select(a => (Action)(() =>
        {
            try
            {
                db.Write(tx =>
                {
                    store.InsertNew(tx, a);
                    counters.OnAcknowledged(tx, a);
                });
            }
            catch (Directive920Bot.Storage.DuplicateKeyException)
            {
            }
        })));
        events.AddRange(events.Where(_ => random.Next(3) == 0).ToList());
        foreach (var e in events.OrderBy(_ => random.Next()))
        {
            e();
        }

        // Answers keep their order per subscriber and question: the first answer is the one that counts.
        foreach (var a in answers.Concat(answers.Where(_ => random.Next(3) == 0)))
        {
            db.Write(tx => counters.OnAnswered(tx, a));
        }

        var reports = bot.Get<ReportService>().Units(units.Select(u => u.Code).ToList());
        foreach (var unit in units)
        {
            var tree = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Code).ToHashSet();
            var report = reports.Single(r => r.Code == unit.Code);
            var registered = people.Where(p => tree.Contains(p.UnitCode!)).ToList();
            Assert.Equal(registered.Count, report.Registered);
            Assert.Equal(registered.Count(p => p.Status == SubscriberStatus.Active), report.Active);
            Assert.Equal(registered.Count(p => p.Status == SubscriberStatus.Blocked), report.Blocked);
            Assert.Equal(registered.Count(p => p.Status == SubscriberStatus.Stopped), report.Stopped);
            Assert.Equal(roster.Count(e => e.Current && tree.Contains(e.UnitCode)), report.Roster);

            var sent = rows.Where(r => r.State == DeliveryState.Sent && tree.Contains(r.UnitCode!)).ToList();
            var acked = acks.Where(a => tree.Contains(a.UnitCode!)).ToList();
            Assert.Equal(sent.Count, report.Delivered);
            Assert.Equal(acked.Count, report.Acknowledged);
            foreach (var group in sent.GroupBy(r => r.ItemId ?? "campaign:" + r.CampaignId))
            {
                var figures = report.Items.Single(i => i.ItemId == group.Key);
                var itemAcks = acked.Where(a => (a.ItemId ?? "campaign:" + a.CampaignId) == group.Key).ToList();
                Assert.Equal(group.Count(), figures.Delivered);
                Assert.Equal(itemAcks.Count(a => a.OnTime), figures.OnTime);
                Assert.Equal(itemAcks.Count(a => !a.OnTime), figures.Late);
                Assert.Equal(BruteMedianMinutes(itemAcks), figures.MedianAckMinutes);
            }

            var firstAnswers = answers.Where(a => !a.IsReview && tree.Contains(a.UnitCode!)).GroupBy(a => (a.SubscriberId, a.QuestionKey)).Select(g => g.First()).ToList();
            Assert.Equal(firstAnswers.Select(a => a.SubscriberId).Distinct().Count(), report.QuizParticipants);
            var questions = bot.Get<ReportService>().Questions(tree);
            foreach (var q in firstAnswers.GroupBy(a => a.QuestionKey))
            {
                var figures = questions.Single(x => x.QuestionId == q.Key);
                Assert.Equal((q.Count(), q.Count(a => a.Correct)), (figures.Answered, figures.Correct));
            }

            // Roll-up: a unit is the sum of its own figures and its children's roll-ups.
            var children = reports.Where(r => r.ParentCode == unit.Code).ToList();
            var own = people.Count(p => p.UnitCode == unit.Code);
            Assert.Equal(report.Registered, own + children.Sum(c => c.Registered));
            Assert.Equal(report.Delivered, rows.Count(r => r.State == DeliveryState.Sent && r.UnitCode == unit.Code) + children.Sum(c => c.Delivered));
            Assert.Equal(report, bot.Get<ReportService>().Unit(unit.Code) is { } single ? single with { Items = report.Items } : null);
        }
    }

    private static double? BruteMedianMinutes(List<Acknowledgement> acks)
    {
        if (acks.Count == 0)
        {
            return null;
        }

        var delays = acks.Select(a => a.AcknowledgedAt - a.DeliveredAt).OrderBy(d => d).ToList();
        var median = delays[(delays.Count + 1) / 2 - 1];
        return DelayBuckets.LowerBound(DelayBuckets.Index(median)).TotalMinutes;
    }

    private static DeliveryRow Row(Subscriber p, string? item, string? campaign, DeliveryKind kind, Random random, DateTime start)
    {
        var sentAt = start.AddMinutes(random.Next(0, 60 * 24 * 10));
        var id = $"{item ?? campaign}:{p.Id}";
        return new DeliveryRow
        {
            Id = id,
            OccurrenceId = item is null ? $"c:{campaign}:1" : $"t:{item}",
            CampaignId = campaign,
            SubscriberId = p.Id,
            Kind = kind,
            ItemId = item,
            UnitCode = p.UnitCode,
            Role = p.Role,
            State = random.Next(8) switch { 0 => DeliveryState.Failed, 1 => DeliveryState.Blocked, _ => DeliveryState.Sent },
            CreatedAt = sentAt,
            SentAt = sentAt,
            DueAt = sentAt,
            RequireAck = true,
        };
    }
}
