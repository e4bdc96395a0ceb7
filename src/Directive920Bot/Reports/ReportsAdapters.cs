using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Web;

namespace Directive920Bot.Reports;

/// <summary>
/// Not yet acknowledged: lessons and announcements sent in the last 30 days that ask for an acknowledgement, to people
/// of the units who are still reachable, without an acknowledgement of that delivery. Read on an admin's request only.
/// </summary>
internal sealed class LedgerPendingAcknowledgements(DeliveryLedger ledger, AcknowledgementStore acks, SubscriberStore subscribers, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time) : IPendingAcknowledgements
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public IReadOnlyList<PendingAcknowledgement> Pending(IReadOnlyCollection<string> unitCodes)
    {
        var scope = unitCodes.ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        // A delivery's acknowledgement is found by its id (person, subject, content hash): one lookup per sent row in scope.
        return new[] { DeliveryKind.Lesson, DeliveryKind.Announcement }
            .SelectMany(kind => ledger.SentBetween(kind, now - Window, now.AddSeconds(1)))
            .Where(r => r.RequireAck && r.UnitCode is not null && scope.Contains(r.UnitCode))
            .Where(r => acks.Find(AcknowledgementStore.IdFor(r.SubscriberId, AcknowledgementService.SubjectOf(r), AcknowledgementService.HashOf(r))) is null)
            .Where(r => subscribers.Find(r.SubscriberId) is { IsReachable: true })
            .Select(r => new PendingAcknowledgement(r.SubscriberId, r.ChatId, r.UnitCode!, ReportCounters.ReportItemId(r)!, r.Id, r.Language))
            .OrderBy(p => p.UnitCode, StringComparer.Ordinal).ThenBy(p => p.SubscriberId).ToList();
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
public sealed class ReportFeedback(FeedbackStore feedback, UnitStore units, PeriodReportService period)
{
    /// <summary>Feedback given in the period of local days (the same bounds as the report's figures).</summary>
    public IReadOnlyList<string> For(string unitCode, DateOnly from, DateOnly to)
    {
        var (start, end) = period.Bounds(from, to);
        var root = units.Find(unitCode);
        var items = root?.ParentCode is null ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes([unitCode]));
        return items.Where(f => f.CreatedAt >= start && f.CreatedAt < end)
            .OrderBy(f => f.CreatedAt).Take(100).Select(f => f.Text.Length > 500 ? f.Text[..500] + "…" : f.Text).ToList();
    }
}

/// <summary>Maps the reports API into the authenticated <c>/api</c> group.</summary>
internal sealed class ReportsApiEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) => api.MapReportsApi();
}
