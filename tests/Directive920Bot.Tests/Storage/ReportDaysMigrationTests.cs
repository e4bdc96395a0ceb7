using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Reports;
using Directive920Bot.Storage.LiteDb;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>Migration 9 counts the rows a version-8 file already holds into the per-unit, per-day report counters.</summary>
public sealed class ReportDaysMigrationTests : IDisposable
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
    private readonly string folder = Directory.CreateTempSubdirectory("d920-days-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_version_8_file_gets_day_counters_by_local_day_of_delivery_with_late_acknowledgements_on_their_delivery_day()
    {
        var path = Path.Combine(folder, "old.db");
        // 30 Nov 2026 23:30 in Vietnam is 16:30 UTC: the local day, not the UTC one, holds it.
        var lateEvening = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc);
        var nextMorning = new DateTime(2026, 11, 30, 17, 30, 0, DateTimeKind.Utc);
        using (var db = new Database(path, Mapper.Create(), [], TimeProvider.System, zone: Vietnam))
        {
            var rows = db.Collection<DeliveryRow>(DeliveryLedger.CollectionName);
            rows.Insert(Row("a", "SNV", lateEvening));
            rows.Insert(Row("b", "SNV", lateEvening));
            rows.Insert(Row("c", "SNV", nextMorning));
            rows.Insert(Row("d", "STC", nextMorning, DeliveryState.Failed));
            rows.Insert(Row("e", "STC", nextMorning, payload: ReackService.Payload));
            rows.Insert(Row("f", "STC", nextMorning));
            var acks = db.Collection<Acknowledgement>(Directive920Bot.Storage.LiteDb.Engagement.LiteDbAcknowledgements.CollectionName);
            // a: on time the same evening; b: late, ten days later, still counted on 30 November; e: a re-acknowledgement.
            acks.Insert(Ack("a", "SNV", lateEvening, lateEvening.AddHours(1), onTime: true));
            acks.Insert(Ack("b", "SNV", lateEvening, lateEvening.AddDays(10), onTime: false));
            acks.Insert(Ack("e", "STC", nextMorning, nextMorning.AddHours(1), onTime: true, reack: true));
            db.Lite.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 8 });
            db.Lite.GetCollection(Directive920Bot.Storage.LiteDb.Reports.LiteDbReportCounterStore.DaysCollection).DeleteAll();
        }

        using var migrated = new Database(path, Mapper.Create(), [], TimeProvider.System, zone: Vietnam);

        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(migrated.Lite));
        var days = migrated.Collection<UnitDayCounter>(Directive920Bot.Storage.LiteDb.Reports.LiteDbReportCounterStore.DaysCollection).FindAll()
            .OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => (d.Id, d.Delivered, d.OnTime, d.Late)).ToList();
        Assert.Equal([("SNV|2026-11-30", 2, 1, 1), ("SNV|2026-12-01", 1, 0, 0), ("STC|2026-12-01", 1, 0, 0)], days);
    }

    private static DeliveryRow Row(string id, string unit, DateTime sentAt, DeliveryState state = DeliveryState.Sent, string? payload = null) => new()
    {
        Id = id, OccurrenceId = "t:lesson-1", SubscriberId = id[0], Kind = DeliveryKind.Lesson, ItemId = "lesson-1", UnitCode = unit,
        State = state, Payload = payload, CreatedAt = sentAt, SentAt = sentAt, DueAt = sentAt, UpdatedAt = sentAt, Language = "vi", RequireAck = true,
    };

    private static Acknowledgement Ack(string delivery, string unit, DateTime deliveredAt, DateTime at, bool onTime, bool reack = false) => new()
    {
        Id = delivery + ":lesson-1:h", SubscriberId = delivery[0], ItemId = "lesson-1", Subject = "lesson-1", ContentHash = "h", DeliveryId = delivery,
        UnitCode = unit, DeliveredAt = deliveredAt, AcknowledgedAt = at, OnTime = onTime, Reacknowledgement = reack,
    };
}
