using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>
/// Computes <see cref="PeriodReport"/> from the raw records by time, through the read models their features provide: the
/// ledger's <c>SentAt</c>, the acknowledgements' <c>AcknowledgedAt</c> and the quiz answers' <c>AnsweredAt</c>. Only the
/// period's records are read, and only what the report needs of each; acknowledgements are joined to the period's deliveries by delivery id. Re-acknowledgement
/// requests are not deliveries of the item (the counters keep them apart too), so they and their answers are left out.
/// </summary>
public sealed class PeriodReportService(
    IUnits units,
    ReportService reports,
    ContentService content,
    BotClock clock,
    IDeliveryHistory deliveries,
    IAcknowledgementHistory acknowledgements,
    IAnswerHistory answers,
    IRegistrationHistory registrations)
{
    /// <summary>The UTC instants of 00:00 on <paramref name="from"/> and 00:00 after <paramref name="to"/> in the bot's zone.</summary>
    public (DateTime FromUtc, DateTime ToUtc) Bounds(DateOnly from, DateOnly to) =>
        (clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)).UtcDateTime, clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime);

    public PeriodReport For(string unitCode, DateOnly from, DateOnly to)
    {
        _ = units.Find(unitCode) ?? throw new ArgumentException($"Unknown unit '{unitCode}'.", nameof(unitCode));
        return ForUnits([unitCode], from, to).Single();
    }

    /// <summary>
    /// Several units' period figures from one pass over the period's records (the monthly ranking of the bloc's units).
    /// The units' sub-trees must not overlap; a record of a shared sub-unit would count for the first unit only.
    /// </summary>
    public IReadOnlyList<PeriodReport> ForUnits(IReadOnlyList<string> unitCodes, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var roots = unitCodes.Select(c => units.Find(c) ?? throw new ArgumentException($"Unknown unit '{c}'.", nameof(unitCodes))).ToList();
        var rootOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var code in units.SubTreeCodes([root.Code]))
            {
                rootOf.TryAdd(code, root.Code);
            }
        }

        var whole = rootOf.Count == units.Count();
        var (fromUtc, toUtc) = Bounds(from, to);
        var acks = AcknowledgementsBetween(fromUtc, toUtc, rootOf);
        var items = roots.ToDictionary(r => r.Code, _ => new Dictionary<string, ItemTally>(StringComparer.Ordinal), StringComparer.Ordinal);
        var reached = roots.ToDictionary(r => r.Code, _ => new HashSet<long>(), StringComparer.Ordinal);
        foreach (var row in deliveries.SentBetween(fromUtc, toUtc))
        {
            if (row.State != DeliveryState.Sent || row.Kind is not (DeliveryKind.Lesson or DeliveryKind.Announcement)
                || !rootOf.TryGetValue(row.UnitCode ?? "", out var rootCode) || row.Payload == ReackService.Payload)
            {
                continue;
            }

            var item = row.ItemId ?? (row.CampaignId is { } campaign ? "campaign:" + campaign : null);
            if (item is null)
            {
                continue;
            }

            if (!items[rootCode].TryGetValue(item, out var tally))
            {
                items[rootCode][item] = tally = new ItemTally(row.Kind);
            }

            tally.Delivered++;
            reached[rootCode].Add(row.SubscriberId);
            if (acks.TryGetValue(row.Id, out var ack))
            {
                if (ack.OnTime)
                {
                    tally.OnTime++;
                }
                else
                {
                    tally.Late++;
                }

                tally.Delays[DelayBuckets.Index(ack.Delay)]++;
            }
        }

        var quiz = Quiz(fromUtc, toUtc, rootOf);
        var registered = RegisteredBy(toUtc, rootOf, whole);
        var now = reports.Units(roots.Select(r => r.Code).ToList()).ToDictionary(r => r.Code, StringComparer.Ordinal);
        return roots.Select(root =>
        {
            var figures = items[root.Code]
                .Select(x => new ItemFigures(x.Key, reports.Title(x.Key), x.Value.Kind, x.Value.Delivered, x.Value.OnTime, x.Value.Late,
                    UnitReport.Ratio(x.Value.OnTime + x.Value.Late, x.Value.Delivered), DelayBuckets.Median(x.Value.Delays)?.TotalMinutes))
                .OrderBy(i => content.Current.Find(i.ItemId)?.Order ?? int.MaxValue).ThenBy(i => i.ItemId, StringComparer.Ordinal).ToList();
            var (questions, participants) = quiz.GetValueOrDefault(root.Code, ([], 0));
            var current = now[root.Code];
            return new PeriodReport(root.Code, root.Name, from, to, fromUtc, toUtc, current.Roster, registered.GetValueOrDefault(root.Code),
                current.Active, current.Blocked, current.Stopped, reached[root.Code].Count, participants, figures, questions,
                current.TelegramOnly, current.ZaloOnly, current.BothChannels);
        }).ToList();
    }

    private sealed class ItemTally(DeliveryKind kind)
    {
        public DeliveryKind Kind { get; } = kind;

        public int Delivered;
        public int OnTime;
        public int Late;

        public int[] Delays { get; } = new int[DelayBuckets.Count];
    }

    /// <summary>The first acknowledgement made in the period of each delivery, by delivery id.</summary>
    private Dictionary<string, (bool OnTime, TimeSpan Delay)> AcknowledgementsBetween(DateTime fromUtc, DateTime toUtc, Dictionary<string, string> scope)
    {
        var result = new Dictionary<string, (bool OnTime, TimeSpan Delay, DateTime At)>(StringComparer.Ordinal);
        foreach (var ack in acknowledgements.AcknowledgedBetween(fromUtc, toUtc))
        {
            if (!scope.ContainsKey(ack.UnitCode ?? ""))
            {
                continue;
            }

            var at = ack.AcknowledgedAt;
            if (!result.TryGetValue(ack.DeliveryId, out var seen) || at < seen.At)
            {
                result[ack.DeliveryId] = (ack.OnTime, at - ack.DeliveredAt, at);
            }
        }

        return result.ToDictionary(x => x.Key, x => (x.Value.OnTime, x.Value.Delay), StringComparer.Ordinal);
    }

    /// <summary>Lesson-quiz answers given in the period (reviews are practice): first answer per person and question, per unit.</summary>
    private Dictionary<string, (IReadOnlyList<QuestionFigures> Questions, int Participants)> Quiz(DateTime fromUtc, DateTime toUtc, Dictionary<string, string> rootOf)
    {
        var firsts = new Dictionary<(string Root, long Subscriber, string Question), (bool Correct, DateTime At, string ItemId)>();
        foreach (var answer in answers.AnsweredBetween(fromUtc, toUtc))
        {
            if (answer.IsReview || !rootOf.TryGetValue(answer.UnitCode ?? "", out var root))
            {
                continue;
            }

            var key = (root, answer.SubscriberId, answer.QuestionKey);
            var at = answer.AnsweredAt;
            if (!firsts.TryGetValue(key, out var seen) || at < seen.At)
            {
                firsts[key] = (answer.Correct, at, answer.ItemId);
            }
        }

        var texts = content.Current.Items.SelectMany(i => i.For("vi").Quiz.Select(q => (Key: ReportCounters.QuestionKey(i.Id, q.Id), q.Question)))
            .ToDictionary(x => x.Key, x => x.Question, StringComparer.Ordinal);
        return firsts.GroupBy(x => x.Key.Root, StringComparer.Ordinal).ToDictionary(byRoot => byRoot.Key, byRoot =>
        {
            var questions = byRoot.GroupBy(x => x.Key.Question, StringComparer.Ordinal)
                .Select(g =>
                {
                    var answered = g.Count();
                    var correct = g.Count(x => x.Value.Correct);
                    return new QuestionFigures(g.Key, g.First().Value.ItemId, texts.GetValueOrDefault(g.Key) ?? g.Key, answered, correct, UnitReport.Ratio(correct, answered));
                })
                .OrderBy(q => q.Accuracy ?? 1).ThenBy(q => q.QuestionId, StringComparer.Ordinal).ToList();
            return ((IReadOnlyList<QuestionFigures>)questions, byRoot.Select(x => x.Key.Subscriber).Distinct().Count());
        }, StringComparer.Ordinal);
    }

    /// <summary>People of each sub-tree (their current unit) registered before the end, including those erased since.</summary>
    private Dictionary<string, int> RegisteredBy(DateTime toUtc, Dictionary<string, string> rootOf, bool whole)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, count) in registrations.RegisteredByUnit(toUtc, whole ? null : rootOf.Keys))
        {
            if (rootOf.TryGetValue(unit, out var root))
            {
                result[root] = result.GetValueOrDefault(root) + count;
            }
        }

        return result;
    }
}
