using Directive920Bot.Delivery;
using Directive920Bot.Engagement;

namespace Directive920Bot.Reports;

/// <summary>Per-member delivered and acknowledged counts for the member export.</summary>
internal sealed class LedgerMemberStatus(DeliveryLedger ledger, IAcknowledgements acks) : IMemberStatusSource
{
    public (int Delivered, int Acknowledged) For(long subscriberId)
    {
        var delivered = ledger.ForSubscriber(subscriberId).Count(r => r.State == DeliveryState.Sent && ReportCounters.ReportItemId(r) is not null);
        var acknowledged = acks.ForSubscriber(subscriberId).Select(a => a.DeliveryId).Distinct(StringComparer.Ordinal).Count();
        return (delivered, acknowledged);
    }
}
