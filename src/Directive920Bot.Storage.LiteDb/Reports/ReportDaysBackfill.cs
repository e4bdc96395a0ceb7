using Directive920Bot.Delivery;
using Directive920Bot.Reports;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Reports;

/// <summary>Migration 9: the per-unit, per-day counters of everything the ledger and the acknowledgements hold so far.</summary>
internal static class ReportDaysBackfill
{
    public static void Run(ILiteDatabase db, TimeZoneInfo zone)
    {
        var tally = new UnitDayTally(zone);
        // Narrow projections: a step runs once, but over every ledger row.
        var rows = db.GetCollection(DeliveryLedger.CollectionName).Query()
            .Select("{Kind: $.Kind, State: $.State, ItemId: $.ItemId, CampaignId: $.CampaignId, UnitCode: $.UnitCode, Payload: $.Payload, SentAt: $.SentAt, CreatedAt: $.CreatedAt}")
            .ToEnumerable();
        foreach (var row in rows)
        {
            // A kind or state this build does not know was never counted.
            if (Enum.TryParse<DeliveryKind>(Text(row["Kind"]), out var kind) && Enum.TryParse<DeliveryState>(Text(row["State"]), out var state)
                && (row["SentAt"].IsDateTime ? row["SentAt"] : row["CreatedAt"]) is { IsDateTime: true } at)
            {
                tally.Delivered(kind, state, Text(row["ItemId"]), Text(row["CampaignId"]), Text(row["UnitCode"]), Text(row["Payload"]), at.AsDateTime);
            }
        }

        var acks = db.GetCollection(Engagement.LiteDbAcknowledgements.CollectionName).Query()
            .Select("{UnitCode: $.UnitCode, ItemId: $.ItemId, CampaignId: $.CampaignId, Reacknowledgement: $.Reacknowledgement, OnTime: $.OnTime, DeliveredAt: $.DeliveredAt}")
            .ToEnumerable();
        foreach (var ack in acks.Where(a => a["DeliveredAt"].IsDateTime))
        {
            tally.Acknowledged(Text(ack["UnitCode"]), Text(ack["ItemId"]), Text(ack["CampaignId"]), ack["Reacknowledgement"].IsBoolean && ack["Reacknowledgement"].AsBoolean,
                ack["OnTime"].IsBoolean && ack["OnTime"].AsBoolean, ack["DeliveredAt"].AsDateTime);
        }

        var days = db.GetCollection(LiteDbReportCounterStore.DaysCollection);
        days.DeleteAll();
        days.Insert(tally.Counters.Select(c => new BsonDocument
        {
            ["_id"] = c.Id,
            [nameof(UnitDayCounter.UnitCode)] = c.UnitCode,
            [nameof(UnitDayCounter.Day)] = c.Day,
            [nameof(UnitDayCounter.Delivered)] = c.Delivered,
            [nameof(UnitDayCounter.OnTime)] = c.OnTime,
            [nameof(UnitDayCounter.Late)] = c.Late,
        }));
    }

    private static string? Text(BsonValue value) => value.IsString ? value.AsString : null;
}
