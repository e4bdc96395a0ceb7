using System.Security.Cryptography;
using Directive920Bot.Reports;

namespace Directive920Bot.Storage.Postgres.Reports;

/// <summary>
/// The report counters, one row per counter, written in the transaction of the event they count. An event counted is
/// a row of <c>report_events</c> whose key is the HMAC of its id with the database's own key (as on LiteDB: the ids
/// name a person, and an erased person's must not stay readable); <c>INSERT … ON CONFLICT DO NOTHING</c> says in one
/// round trip whether this event was the first.
/// </summary>
internal sealed class PgReportCounterStore(PostgresStorage db) : IReportCounterStore
{
    private const string DayColumns = "id AS Id, unit_code AS UnitCode, day AS Day, delivered AS Delivered, on_time AS OnTime, late AS Late";

    private byte[]? key;

    public ItemCounter? FindItem(string id) => Json.Read<ItemCounter>(db.One<string>("SELECT doc::text FROM report_items WHERE id = @id", new { id }));

    public IReadOnlyList<ItemCounter> AllItems() => Many<ItemCounter>("SELECT doc::text FROM report_items ORDER BY id", null);

    public IReadOnlyList<ItemCounter> ItemsFor(string itemId) => Many<ItemCounter>("SELECT doc::text FROM report_items WHERE item_id = @itemId ORDER BY id", new { itemId });

    public QuestionCounter? FindQuestion(string id) => Json.Read<QuestionCounter>(db.One<string>("SELECT doc::text FROM report_questions WHERE id = @id", new { id }));

    public IReadOnlyList<QuestionCounter> AllQuestions() => Many<QuestionCounter>("SELECT doc::text FROM report_questions ORDER BY id", null);

    public UnitCounter? FindUnit(string unitCode) => Json.Read<UnitCounter>(db.One<string>("SELECT doc::text FROM report_units WHERE id = @unitCode", new { unitCode }));

    public IReadOnlyList<UnitCounter> AllUnits() => Many<UnitCounter>("SELECT doc::text FROM report_units ORDER BY id", null);

    public UnitDayCounter? FindDay(string id) =>
        db.Query<UnitDayCounter>($"SELECT {DayColumns} FROM report_days WHERE id = @id", new { id }).SingleOrDefault();

    public IReadOnlyList<UnitDayCounter> DaysBetween(string fromDay, string toDay) =>
        db.Query<UnitDayCounter>($"SELECT {DayColumns} FROM report_days WHERE day BETWEEN @fromDay AND @toDay ORDER BY id", new { fromDay, toDay }).ToList();

    public void SaveDays(ITransaction tx, IReadOnlyCollection<UnitDayCounter> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (counters.Count == 0)
        {
            return;
        }

        db.Execute(tx, """
            INSERT INTO report_days (id, unit_code, day, delivered, on_time, late)
            SELECT * FROM unnest(@ids, @units, @days, @delivered, @onTime, @late)
            ON CONFLICT (id) DO UPDATE SET delivered = excluded.delivered, on_time = excluded.on_time, late = excluded.late
            """, new
        {
            ids = counters.Select(c => c.Id).ToArray(),
            units = counters.Select(c => c.UnitCode).ToArray(),
            days = counters.Select(c => c.Day).ToArray(),
            delivered = counters.Select(c => c.Delivered).ToArray(),
            onTime = counters.Select(c => c.OnTime).ToArray(),
            late = counters.Select(c => c.Late).ToArray(),
        });
    }

    public bool MarkCounted(ITransaction tx, string eventId) =>
        db.Execute(tx, "INSERT INTO report_events (id) VALUES (@id) ON CONFLICT (id) DO NOTHING", new { id = Hash(eventId) }) == 1;

    public int Forget(ITransaction tx, IEnumerable<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var ids = eventIds.Select(Hash).Distinct(StringComparer.Ordinal).ToArray();
        return ids.Length == 0 ? 0 : db.Execute(tx, "DELETE FROM report_events WHERE id = ANY (@ids)", new { ids });
    }

    public void SaveItems(ITransaction tx, IReadOnlyCollection<ItemCounter> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (counters.Count == 0)
        {
            return;
        }

        // One statement for the batch: the arrays are unnested server-side.
        db.Execute(tx, """
            INSERT INTO report_items (id, unit_code, item_id, doc)
            SELECT * FROM unnest(@ids, @units, @items, @docs::jsonb[])
            ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, item_id = excluded.item_id, doc = excluded.doc
            """, new
        {
            ids = counters.Select(c => c.Id).ToArray(),
            units = counters.Select(c => c.UnitCode).ToArray(),
            items = counters.Select(c => c.ItemId).ToArray(),
            docs = counters.Select(Json.Write).ToArray(),
        });
    }

    public void SaveQuestion(ITransaction tx, QuestionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        db.Execute(tx, """
            INSERT INTO report_questions (id, unit_code, doc) VALUES (@Id, @UnitCode, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, doc = excluded.doc
            """, new { counter.Id, counter.UnitCode, doc = Json.Write(counter) });
    }

    public void SaveUnit(ITransaction tx, UnitCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        db.Execute(tx, "INSERT INTO report_units (id, doc) VALUES (@Id, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            new { counter.Id, doc = Json.Write(counter) });
    }

    /// <summary>HMAC-SHA256, base64url, 32 characters: the same form as the embedded store's (migrate-store copies them).</summary>
    private string Hash(string eventId)
    {
        key ??= db.One<byte[]>("SELECT key FROM store_secrets WHERE name = 'report-events'")
            ?? throw new InvalidOperationException("The report-events key is missing from store_secrets (migration 0009 makes it).");
        return Convert.ToBase64String(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(eventId)), 0, 24).Replace('+', '-').Replace('/', '_');
    }

    private List<T> Many<T>(string sql, object? param)
        where T : class => [.. db.Query<string>(sql, param).Select(d => Json.Read<T>(d)!)];
}
