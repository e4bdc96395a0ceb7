using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>The ledger by period: the <c>SentAt</c> index, read as a narrow projection (a month's rows are many).</summary>
internal sealed class LiteDbDeliveryHistory(Database db) : IDeliveryHistory
{
    private static readonly BsonExpression Fields = BsonExpression.Create(
        "{_id: $._id, Kind: $.Kind, State: $.State, ItemId: $.ItemId, CampaignId: $.CampaignId, UnitCode: $.UnitCode, SubscriberId: $.SubscriberId, Payload: $.Payload}");

    // The ledger's own schema indexes SentAt; named here too so that the query this class runs cannot lose its index.
    public static readonly StoreSchema Schema = new("delivery_history", (database, _) =>
        database.GetCollection<DeliveryRow>(DeliveryLedger.CollectionName).EnsureIndex(r => r.SentAt));

    public IEnumerable<SentDelivery> SentBetween(DateTime fromUtc, DateTime toUtc)
    {
        var rows = db.Lite.GetCollection(DeliveryLedger.CollectionName).Query()
            .Where(Filter.From(nameof(DeliveryRow.SentAt), fromUtc, toUtc))
            .Select(Fields)
            .ToEnumerable();
        return Narrow(rows);
    }

    // The SubscriberId index, one key per person, read as the narrow projection (rows carry their message's HTML).
    public IEnumerable<SentDelivery> ForSubscribers(IReadOnlyCollection<long> subscriberIds)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        return subscriberIds.Count == 0 ? [] : Narrow(db.Lite.GetCollection(DeliveryLedger.CollectionName).Query()
            .Where(Query.In(nameof(DeliveryRow.SubscriberId), subscriberIds.Distinct().Select(id => new BsonValue(id))))
            .Select(Fields)
            .ToEnumerable());
    }

    private static IEnumerable<SentDelivery> Narrow(IEnumerable<BsonDocument> rows)
    {
        foreach (var row in rows)
        {
            // A kind or state this build does not know cannot be reported on.
            if (!Enum.TryParse<DeliveryKind>(row["Kind"].AsString, out var kind) || !Enum.TryParse<DeliveryState>(row["State"].AsString, out var state))
            {
                continue;
            }

            yield return new SentDelivery(row["_id"].AsString, kind, state, Text(row["ItemId"]), Text(row["CampaignId"]), Text(row["UnitCode"]),
                row["SubscriberId"].AsInt64, Text(row["Payload"]));
        }
    }

    private static string? Text(BsonValue value) => value.IsString ? value.AsString : null;
}
