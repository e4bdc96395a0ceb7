using Directive920Bot.Reports;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres.Reports;

/// <summary>
/// Reports' sections on PostgreSQL: the counters, the counted events (their keyed hashes by COPY) and the key that made
/// them, which replaces the one migration 0012 made, so an event counted before the move is not counted again after it.
/// </summary>
internal static class PgReportsCopy
{
    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        var counters = (PgReportCounterStore)services.GetRequiredService<IReportCounterStore>();
        yield return PgCopySection.Batched<ItemCounter>(db, "report_items", counters.SaveItems, batch: 1000);
        yield return PgCopySection.Table<QuestionCounter>(db, "report_questions", counters.SaveQuestion);
        yield return PgCopySection.Table<UnitCounter>(db, "report_units", counters.SaveUnit);
        // The day counters as counted, not backfilled again (migration 0013 found no rows on the empty target).
        yield return PgCopySection.Batched<UnitDayCounter>(db, "report_days", (tx, batch) => counters.SaveDays(tx, [.. batch]), batch: 1000);
        yield return PgCopySection.Batched<CountedEvent>(db, "report_events", (tx, batch) =>
            PgCopy.Import(db, tx, "report_events (id)", batch, (w, e) => w.Write(e.Id, NpgsqlDbType.Text)));
        byte[]? copiedKey = null;
        yield return new PgCopySection("report_event_key", (tx, records) =>
        {
            foreach (var key in records.Cast<StoredValue>())
            {
                copiedKey = (byte[])key.Value;
                db.Execute(tx, "UPDATE store_secrets SET key = @key WHERE name = 'report-events'", new { key = copiedKey });
            }
        }, () => copiedKey is null ? 0 : db.One<long>("SELECT count(*) FROM store_secrets WHERE name = 'report-events' AND key = @copiedKey", new { copiedKey }));
        var nudges = (PgNudgeMarks)services.GetRequiredService<INudgeMarks>();
        yield return PgCopySection.Table<NudgeMark>(db, "report_nudges", (tx, mark) => nudges.TryAdd(tx, mark));
    }
}
