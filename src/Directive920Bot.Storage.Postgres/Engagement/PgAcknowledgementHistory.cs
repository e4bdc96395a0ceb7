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
}
