using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Storage.Postgres;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Directive920Bot.Tests.Storage;

/// <summary>Migration 0013 counts the rows a database already holds into the per-unit, per-day report counters.</summary>
public sealed class PostgresReportDaysMigrationTests : IDisposable
{
    private readonly List<ServiceProvider> opened = [];

    public void Dispose()
    {
        foreach (var services in opened)
        {
            services.Dispose();
        }
    }

    [SkippableFact]
    public async Task A_database_from_before_0013_gets_day_counters_by_local_day_of_delivery_with_late_acknowledgements_on_their_delivery_day()
    {
        var connection = PostgresCluster.CreateDatabase("days_" + Guid.NewGuid().ToString("N"));
        var before = Open(connection);
        // 30 Nov 2026 23:30 in Vietnam is 16:30 UTC: the local day, not the UTC one, holds it.
        var lateEvening = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc);
        var nextMorning = new DateTime(2026, 11, 30, 17, 30, 0, DateTimeKind.Utc);
        await before.GetRequiredService<IStorage>().WriteAsync(tx =>
        {
            before.GetRequiredService<IDeliveryLedgerStore>().Insert(tx, [Row("a", "SNV", lateEvening), Row("b", "SNV", lateEvening), Row("c", "SNV", nextMorning),
                Row("d", "STC", nextMorning, DeliveryState.Failed), Row("e", "STC", nextMorning, payload: ReackService.Payload), Row("f", "STC", nextMorning)]);
            var acks = before.GetRequiredService<IAcknowledgements>();
            acks.InsertNew(tx, Ack("a", "SNV", lateEvening, lateEvening.AddHours(1), onTime: true));
            acks.InsertNew(tx, Ack("b", "SNV", lateEvening, lateEvening.AddDays(10), onTime: false));
            acks.InsertNew(tx, Ack("e", "STC", nextMorning, nextMorning.AddHours(1), onTime: true, reack: true));
        });
        // The database as it was before 0013: no day counters, schema version 12 (the runner applies what comes after
        // the highest recorded version, so the later migrations are undone too and run again after 0013).
        await using (var undo = new NpgsqlConnection(connection))
        {
            await undo.OpenAsync();
            await using var command = new NpgsqlCommand("""
                DROP TABLE report_days; DROP TABLE media_links;
                ALTER TABLE subscribers ADD COLUMN chat_id bigint; ALTER TABLE deliveries ADD COLUMN chat_id bigint;
                ALTER TABLE inbox_batches ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE inbox_batch_ids;
                ALTER TABLE inbox_batches DROP COLUMN owner, DROP COLUMN lease_until;
                DELETE FROM schema_version WHERE version >= 13
                """, undo);
            await command.ExecuteNonQueryAsync();
        }

        var after = Open(connection);

        Assert.Equal(PgMigrations.CurrentVersion, after.GetRequiredService<PostgresStorage>().SchemaVersion);
        var days = after.GetRequiredService<IReportCounterStore>().DaysBetween("2026-01-01", "2026-12-31")
            .OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => (d.Id, d.Delivered, d.OnTime, d.Late)).ToList();
        Assert.Equal([("SNV|2026-11-30", 2, 1, 1), ("SNV|2026-12-01", 1, 0, 0), ("STC|2026-12-01", 1, 0, 0)], days);
    }

    private ServiceProvider Open(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:Provider"] = StorageOptions.Postgres;
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        builder.AddPostgresStorage();
        var services = (ServiceProvider)builder.Build().Services;
        opened.Add(services);
        return services;
    }

    private static DeliveryRow Row(string id, string unit, DateTime sentAt, DeliveryState state = DeliveryState.Sent, string? payload = null) => new()
    {
        Id = id, OccurrenceId = "t:lesson-1", SubscriberId = id[0], Kind = DeliveryKind.Lesson, ItemId = "lesson-1", UnitCode = unit,
        State = state, Payload = payload, CreatedAt = sentAt, SentAt = sentAt, DueAt = sentAt, UpdatedAt = sentAt, Language = "vi", RequireAck = true,
        Html = "<b>920</b>", Priority = 1,
    };

    private static Acknowledgement Ack(string delivery, string unit, DateTime deliveredAt, DateTime at, bool onTime, bool reack = false) => new()
    {
        Id = delivery + ":lesson-1:h", SubscriberId = delivery[0], ItemId = "lesson-1", Subject = "lesson-1", ContentHash = "h", DeliveryId = delivery,
        UnitCode = unit, DeliveredAt = deliveredAt, AcknowledgedAt = at, OnTime = onTime, Reacknowledgement = reack,
    };
}
