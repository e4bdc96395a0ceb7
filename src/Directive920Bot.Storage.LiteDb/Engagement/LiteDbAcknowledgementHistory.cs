using Directive920Bot.Engagement;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

/// <summary>Acknowledgements by period: an index on <c>AcknowledgedAt</c>, read as a narrow projection.</summary>
internal sealed class LiteDbAcknowledgementHistory(Database db) : IAcknowledgementHistory
{
    private static readonly BsonExpression Fields = BsonExpression.Create(
        "{DeliveryId: $.DeliveryId, UnitCode: $.UnitCode, OnTime: $.OnTime, DeliveredAt: $.DeliveredAt, AcknowledgedAt: $.AcknowledgedAt}");

    /// <summary>The time index the period query uses (the same name as <c>EnsureIndex(x => x.Field)</c> gives anywhere else).</summary>
    public static readonly StoreSchema Schema = new("eng_acks_history", (database, _) =>
        database.GetCollection<Acknowledgement>(LiteDbAcknowledgements.CollectionName).EnsureIndex(a => a.AcknowledgedAt));

    public IEnumerable<AcknowledgedDelivery> AcknowledgedBetween(DateTime fromUtc, DateTime toUtc) =>
        db.Lite.GetCollection(LiteDbAcknowledgements.CollectionName).Query()
            .Where(Filter.From(nameof(Acknowledgement.AcknowledgedAt), fromUtc, toUtc))
            .Select(Fields)
            .ToEnumerable()
            .Select(doc => new AcknowledgedDelivery(doc["DeliveryId"].AsString, doc["UnitCode"].AsString, doc["OnTime"].AsBoolean,
                doc["DeliveredAt"].AsDateTime, doc["AcknowledgedAt"].AsDateTime));

    private static readonly BsonExpression MemberFields = BsonExpression.Create(
        "{SubscriberId: $.SubscriberId, ItemId: $.ItemId, CampaignId: $.CampaignId, OnTime: $.OnTime, Reacknowledgement: $.Reacknowledgement}");

    public IEnumerable<MemberAcknowledgement> ForSubscribers(IReadOnlyCollection<long> subscriberIds)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        return subscriberIds.Count == 0 ? [] : db.Lite.GetCollection(LiteDbAcknowledgements.CollectionName).Query()
            .Where(Query.In(nameof(Acknowledgement.SubscriberId), subscriberIds.Distinct().Select(id => new BsonValue(id))))
            .Select(MemberFields)
            .ToEnumerable()
            .Select(doc => new MemberAcknowledgement(doc["SubscriberId"].AsInt64, doc["ItemId"].IsString ? doc["ItemId"].AsString : null,
                doc["CampaignId"].IsString ? doc["CampaignId"].AsString : null, doc["OnTime"].IsBoolean && doc["OnTime"].AsBoolean,
                doc["Reacknowledgement"].IsBoolean && doc["Reacknowledgement"].AsBoolean));
    }
}
