using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>Acknowledgements by period: a range on the <c>acknowledged_at</c> index, only the fields reports need.</summary>
internal sealed class PgAcknowledgementHistory(PostgresStorage db) : IAcknowledgementHistory
{
    public IEnumerable<AcknowledgedDelivery> AcknowledgedBetween(DateTime fromUtc, DateTime toUtc) =>
        db.Query<AcknowledgedDelivery>("""
            SELECT doc->>'DeliveryId' AS DeliveryId, doc->>'UnitCode' AS UnitCode, (doc->>'OnTime')::boolean AS OnTime,
                (doc->>'DeliveredAt')::timestamptz AS DeliveredAt, acknowledged_at AS AcknowledgedAt
            FROM acknowledgements WHERE acknowledged_at >= @fromUtc AND acknowledged_at < @toUtc ORDER BY acknowledged_at, id
            """, new { fromUtc, toUtc });

    public IEnumerable<MemberAcknowledgement> ForSubscribers(IReadOnlyCollection<long> subscriberIds)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        return subscriberIds.Count == 0 ? [] : db.Query<MemberAcknowledgement>("""
            SELECT subscriber_id AS SubscriberId, item_id AS ItemId, doc->>'CampaignId' AS CampaignId, coalesce((doc->>'OnTime')::boolean, false) AS OnTime,
                coalesce((doc->>'Reacknowledgement')::boolean, false) AS Reacknowledgement
            FROM acknowledgements WHERE subscriber_id = ANY (@ids) ORDER BY id
            """, new { ids = subscriberIds.Distinct().ToArray() });
    }
}
