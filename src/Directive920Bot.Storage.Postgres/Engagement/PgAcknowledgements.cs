using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>The acknowledgements in <c>acknowledgements</c>: the record as jsonb, found by person, subject or item.</summary>
internal sealed class PgAcknowledgements(PostgresStorage db) : IAcknowledgements
{
    public Acknowledgement? Find(string id) => Json.Read<Acknowledgement>(db.One<string>("SELECT doc::text FROM acknowledgements WHERE id = @id", new { id }));

    public IReadOnlyList<Acknowledgement> ForSubscriber(long subscriberId) => Many("WHERE subscriber_id = @subscriberId", new { subscriberId });

    public IReadOnlyList<Acknowledgement> ForItem(string itemId) => Many("WHERE subject = @itemId AND item_id = @itemId", new { itemId });

    public IReadOnlyList<Acknowledgement> ForSubject(string subject) => Many("WHERE subject = @subject", new { subject });

    public int Count() => db.One<int>("SELECT count(*)::int FROM acknowledgements");

    // No look first: a redelivered press fails on the primary key, which becomes DuplicateKeyException and rolls back.
    public void InsertNew(ITransaction tx, Acknowledgement ack) =>
        db.Execute(tx, "INSERT INTO acknowledgements (id, subscriber_id, subject, item_id, acknowledged_at, doc) VALUES (@Id, @SubscriberId, @Subject, @ItemId, @AcknowledgedAt, @doc::jsonb)", Parameters(ack));

    public void Replace(ITransaction tx, Acknowledgement old, Acknowledgement updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        db.Execute(tx, "DELETE FROM acknowledgements WHERE id = @Id", new { old.Id });
        db.Execute(tx, """
            INSERT INTO acknowledgements (id, subscriber_id, subject, item_id, acknowledged_at, doc) VALUES (@Id, @SubscriberId, @Subject, @ItemId, @AcknowledgedAt, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, subject = excluded.subject, item_id = excluded.item_id, acknowledged_at = excluded.acknowledged_at, doc = excluded.doc
            """, Parameters(updated));
    }

    private List<Acknowledgement> Many(string where, object param) =>
        [.. db.Query<string>($"SELECT doc::text FROM acknowledgements {where} ORDER BY id", param).Select(d => Json.Read<Acknowledgement>(d)!)];

    private static object Parameters(Acknowledgement ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        return new { ack.Id, ack.SubscriberId, ack.Subject, ack.ItemId, ack.AcknowledgedAt, doc = Json.Write(ack) };
    }

    public int CountBefore(DateTime cutoff) =>
        db.One<int>("SELECT count(*)::int FROM acknowledgements WHERE acknowledged_at < @cutoff", new { cutoff = Utc.Of(cutoff) });

    public int DeleteBefore(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM acknowledgements WHERE acknowledged_at < @cutoff", new { cutoff = Utc.Of(cutoff) });
}
