using System.Globalization;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>
/// Reminder watches and escalations in <c>ack_watches</c> and <c>escalations</c>. The attention set of one process
/// cannot know what another instance queued, so on this provider an acknowledgement also asks the database (one
/// primary-key probe of each table, inside its transaction, so a conflicting reminder run is serialized against it);
/// the in-memory set still answers for this process's own writes that have not committed yet.
/// </summary>
internal sealed class PgEscalations : IEscalations
{
    private const string WatermarkKey = "reminder_watermark";

    private readonly PostgresStorage db;
    private readonly AttentionSet attention;

    public PgEscalations(PostgresStorage db)
    {
        this.db = db;
        attention = new AttentionSet(() => [.. WithPendingReminder().Select(w => w.Id), .. Open().Select(e => e.Id)]);
    }

    public bool NeedsAttentionOnAcknowledgement(string deliveryId) =>
        attention.Contains(deliveryId) || db.One<bool>("""
            SELECT EXISTS (SELECT 1 FROM ack_watches WHERE id = @deliveryId AND pending_reminder_id IS NOT NULL)
                OR EXISTS (SELECT 1 FROM escalations WHERE id = @deliveryId AND resolved_at IS NULL)
            """, new { deliveryId });

    public void NeedAttention(string deliveryId) => attention.Add(deliveryId);

    public void AttentionDone(string deliveryId) => attention.Remove(deliveryId);

    public IReadOnlyList<Escalation> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Escalations("WHERE resolved_at IS NULL AND unit_code = ANY (@codes)", new { codes = unitCodes.ToArray() });

    public IReadOnlyList<Escalation> Open() => Escalations("WHERE resolved_at IS NULL", null);

    public IReadOnlyList<Escalation> ForSubscriber(long subscriberId) => Escalations("WHERE subscriber_id = @subscriberId", new { subscriberId });

    public Escalation? Find(string deliveryId) => Json.Read<Escalation>(db.One<string>("SELECT doc::text FROM escalations WHERE id = @deliveryId", new { deliveryId }));

    public AckWatch? FindWatch(string deliveryId) => Json.Read<AckWatch>(db.One<string>("SELECT doc::text FROM ack_watches WHERE id = @deliveryId", new { deliveryId }));

    public IReadOnlyList<AckWatch> DueWatches(DateTime nowUtc) => Watches("WHERE NOT done AND next_at <= @nowUtc", new { nowUtc });

    public IReadOnlyList<AckWatch> WithPendingReminder() => Watches("WHERE pending_reminder_id IS NOT NULL", null);

    public bool AddWatch(ITransaction tx, AckWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return db.Execute(tx, """
            INSERT INTO ack_watches (id, subscriber_id, next_at, done, pending_reminder_id, doc)
            VALUES (@Id, @SubscriberId, @NextAt, @Done, @PendingReminderId, @doc::jsonb) ON CONFLICT (id) DO NOTHING
            """, WatchRow(watch)) == 1;
    }

    public void SaveWatch(ITransaction tx, AckWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);

        // An update of a watch that is not stored does nothing (as LiteDB's Update).
        db.Execute(tx, """
            UPDATE ack_watches SET subscriber_id = @SubscriberId, next_at = @NextAt, done = @Done, pending_reminder_id = @PendingReminderId, doc = @doc::jsonb
            WHERE id = @Id
            """, WatchRow(watch));
    }

    public bool AddEscalation(ITransaction tx, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return db.Execute(tx, """
            INSERT INTO escalations (id, unit_code, subscriber_id, resolved_at, doc) VALUES (@Id, @UnitCode, @SubscriberId, @ResolvedAt, @doc::jsonb)
            ON CONFLICT (id) DO NOTHING
            """, EscalationRow(escalation)) == 1;
    }

    public void Resolve(ITransaction tx, string deliveryId, DateTime atUtc)
    {
        if (Find(deliveryId) is { ResolvedAt: null } escalation)
        {
            escalation.ResolvedAt = atUtc;
            Upsert(tx, escalation);
        }
    }

    public DateTime? ReminderWatermark() =>
        db.One<string>("SELECT value FROM engagement_meta WHERE key = @key", new { key = WatermarkKey }) is { } mark
            ? DateTime.Parse(mark, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime()
            : null;

    public void SetReminderWatermark(ITransaction tx, DateTime nowUtc) =>
        db.Execute(tx, "INSERT INTO engagement_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key = WatermarkKey, value = Utc.Of(nowUtc).ToString("O", CultureInfo.InvariantCulture) });

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        db.Execute(tx, "DELETE FROM ack_watches WHERE subscriber_id = @subscriberId", new { subscriberId });
        var moved = db.Query<string>(tx, "DELETE FROM escalations WHERE subscriber_id = @subscriberId RETURNING doc::text", new { subscriberId });
        foreach (var escalation in moved.Select(d => Json.Read<Escalation>(d)!))
        {
            escalation.SubscriberId = pseudonyms.ForDelivery(escalation.Id);
            escalation.Id = pseudonyms.Relink(escalation.Id);
            Upsert(tx, escalation);
        }
    }

    private void Upsert(ITransaction tx, Escalation escalation) =>
        db.Execute(tx, """
            INSERT INTO escalations (id, unit_code, subscriber_id, resolved_at, doc) VALUES (@Id, @UnitCode, @SubscriberId, @ResolvedAt, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, subscriber_id = excluded.subscriber_id, resolved_at = excluded.resolved_at, doc = excluded.doc
            """, EscalationRow(escalation));

    private static object WatchRow(AckWatch w) => new { w.Id, w.SubscriberId, w.NextAt, w.Done, w.PendingReminderId, doc = Json.Write(w) };

    private static object EscalationRow(Escalation e) => new { e.Id, e.UnitCode, e.SubscriberId, e.ResolvedAt, doc = Json.Write(e) };

    private List<Escalation> Escalations(string where, object? param) =>
        [.. db.Query<string>($"SELECT doc::text FROM escalations {where} ORDER BY id", param).Select(d => Json.Read<Escalation>(d)!)];

    private List<AckWatch> Watches(string where, object? param) =>
        [.. db.Query<string>($"SELECT doc::text FROM ack_watches {where} ORDER BY id", param).Select(d => Json.Read<AckWatch>(d)!)];
}
