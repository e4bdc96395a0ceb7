using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>
/// Not yet acknowledged: lessons and announcements sent in the last 30 days that ask for an acknowledgement, to people
/// of the units who are still reachable, without an acknowledgement of that delivery. Read on an admin's request only.
/// </summary>
internal sealed class LedgerPendingAcknowledgements(DeliveryLedger ledger, IAcknowledgements acks, ISubscribers subscribers, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time) : IPendingAcknowledgements
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
            .Where(r => acks.Find(Acknowledgement.IdFor(r.SubscriberId, AcknowledgementService.SubjectOf(r), AcknowledgementService.HashOf(r))) is null)
            .Where(r => subscribers.Find(r.SubscriberId) is { IsReachable: true })
            .Select(r => new PendingAcknowledgement(r.SubscriberId, r.UnitCode!, ReportCounters.ReportItemId(r)!, r.Id, r.Language))
            .OrderBy(p => p.UnitCode, StringComparer.Ordinal).ThenBy(p => p.SubscriberId).ToList();
    }
}
