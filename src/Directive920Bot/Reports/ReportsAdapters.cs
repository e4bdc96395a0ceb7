using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Web;

namespace Directive920Bot.Reports;

/// <summary>
/// Not yet acknowledged: rows engagement still watches (reminders pending) and open escalations (after the last
/// reminder). Read on an admin's request, never on the report path.
/// </summary>
internal sealed class EngagementPendingAcknowledgements(Database db, EscalationStore escalations, DeliveryLedger ledger) : IPendingAcknowledgements
{
    public IReadOnlyList<PendingAcknowledgement> Pending(IReadOnlyCollection<string> unitCodes)
    {
        var scope = unitCodes.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, PendingAcknowledgement>(StringComparer.Ordinal);
        foreach (var w in db.Collection<AckWatch>(EscalationStore.WatchCollection).Find(w => !w.Done).Where(w => w.UnitCode is not null && scope.Contains(w.UnitCode)))
        {
            result[w.Id] = new PendingAcknowledgement(w.SubscriberId, w.ChatId, w.UnitCode!, w.ItemId ?? "campaign:" + w.CampaignId, w.Id, w.Language);
        }

        foreach (var e in escalations.OpenForUnits(unitCodes).Where(e => !result.ContainsKey(e.Id)))
        {
            if (ledger.Find(e.Id) is { } row)
            {
                result[e.Id] = new PendingAcknowledgement(e.SubscriberId, row.ChatId, e.UnitCode!, e.ItemId ?? "campaign:" + e.CampaignId, e.Id, row.Language);
            }
        }

        return result.Values.OrderBy(p => p.UnitCode, StringComparer.Ordinal).ThenBy(p => p.SubscriberId).ToList();
    }
}

/// <summary>Nudges go through the delivery ledger like every other push: paced, quiet hours honoured, idempotent ids.</summary>
internal sealed class LedgerNudgeSink(DeliveryLedger ledger) : INudgeSink
{
    public int Enqueue(IEnumerable<DeliveryRow> rows) => ledger.Enqueue(rows);
}

/// <summary>Per-member delivered and acknowledged counts for the member export.</summary>
internal sealed class LedgerMemberStatus(DeliveryLedger ledger, AcknowledgementStore acks) : IMemberStatusSource
{
    public (int Delivered, int Acknowledged) For(long subscriberId)
    {
        var delivered = ledger.ForSubscriber(subscriberId).Count(r => r.State == DeliveryState.Sent && ReportCounters.ReportItemId(r) is not null);
        var acknowledged = acks.ForSubscriber(subscriberId).Select(a => a.DeliveryId).Distinct(StringComparer.Ordinal).Count();
        return (delivered, acknowledged);
    }
}

/// <summary>Cadres' feedback for the thematic report: named feedback of the unit's sub-tree; for the bloc also anonymous.</summary>
public sealed class ReportFeedback(FeedbackStore feedback, UnitStore units)
{
    public IReadOnlyList<string> For(string unitCode, DateOnly from, DateOnly to)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var end = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc).AddHours(-7);
        var root = units.Find(unitCode);
        var items = root?.ParentCode is null ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes([unitCode]));
        return items.Where(f => f.CreatedAt >= start.AddDays(-1) && f.CreatedAt <= end)
            .OrderBy(f => f.CreatedAt).Take(100).Select(f => f.Text.Length > 500 ? f.Text[..500] + "…" : f.Text).ToList();
    }
}

/// <summary>Maps the reports API into the authenticated <c>/api</c> group.</summary>
internal sealed class ReportsApiEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) => api.MapReportsApi();
}
