using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>Feedback in <c>feedback</c> (stored once by its token: <c>ON CONFLICT DO NOTHING</c>) and drafts per person.</summary>
internal sealed class PgFeedback(PostgresStorage db) : IFeedback
{
    public IReadOnlyList<Feedback> All() => Many("", null);

    public IReadOnlyList<Feedback> NamedFromUnits(IReadOnlyCollection<string> unitCodes) =>
        Many("WHERE NOT anonymous AND unit_code = ANY (@codes)", new { codes = unitCodes.ToArray() });

    public IReadOnlyList<Feedback> FromSubscriber(long subscriberId) => Many("WHERE subscriber_id = @subscriberId", new { subscriberId });

    public Feedback? Find(string id) => Many("WHERE id = @id", new { id }).SingleOrDefault();

    public int Count() => db.One<int>("SELECT count(*)::int FROM feedback");

    public FeedbackDraft? Draft(long subscriberId) =>
        Json.Read<FeedbackDraft>(db.One<string>("SELECT doc::text FROM feedback_drafts WHERE subscriber_id = @subscriberId", new { subscriberId }));

    public void SaveDraft(ITransaction tx, FeedbackDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        db.Execute(tx, "INSERT INTO feedback_drafts (subscriber_id, doc) VALUES (@Id, @doc::jsonb) ON CONFLICT (subscriber_id) DO UPDATE SET doc = excluded.doc",
            new { draft.Id, doc = Json.Write(draft) });
    }

    public void DeleteDraft(ITransaction tx, long subscriberId) => db.Execute(tx, "DELETE FROM feedback_drafts WHERE subscriber_id = @subscriberId", new { subscriberId });

    public bool Submit(ITransaction tx, Feedback feedback, long subscriberId)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var created = db.Execute(tx, """
            INSERT INTO feedback (id, subscriber_id, unit_code, anonymous, created_at, doc) VALUES (@Id, @SubscriberId, @UnitCode, @Anonymous, @CreatedAt, @doc::jsonb)
            ON CONFLICT (id) DO NOTHING
            """, new { feedback.Id, feedback.SubscriberId, feedback.UnitCode, feedback.Anonymous, feedback.CreatedAt, doc = Json.Write(feedback) }) == 1;
        DeleteDraft(tx, subscriberId);
        return created;
    }

    public void Upsert(ITransaction tx, Feedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        db.Execute(tx, """
            INSERT INTO feedback (id, subscriber_id, unit_code, anonymous, created_at, doc) VALUES (@Id, @SubscriberId, @UnitCode, @Anonymous, @CreatedAt, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, unit_code = excluded.unit_code, anonymous = excluded.anonymous,
                created_at = excluded.created_at, doc = excluded.doc
            """, new { feedback.Id, feedback.SubscriberId, feedback.UnitCode, feedback.Anonymous, feedback.CreatedAt, doc = Json.Write(feedback) });
    }

    public bool Delete(ITransaction tx, string id) => db.Execute(tx, "DELETE FROM feedback WHERE id = @id", new { id }) == 1;

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        DeleteDraft(tx, subscriberId);
        // Named feedback is the person's own words under their unit and the minute they wrote: it goes with them.
        db.Execute(tx, "DELETE FROM feedback WHERE subscriber_id = @subscriberId", new { subscriberId });
    }

    public int CountBefore(DateTime cutoff) => db.One<int>("SELECT count(*)::int FROM feedback WHERE created_at < @cutoff", new { cutoff });

    public int DeleteBefore(ITransaction tx, DateTime cutoff) => db.Execute(tx, "DELETE FROM feedback WHERE created_at < @cutoff", new { cutoff });

    private List<Feedback> Many(string where, object? param) =>
        [.. db.Query<string>($"SELECT doc::text FROM feedback {where} ORDER BY created_at DESC, id", param).Select(d => Json.Read<Feedback>(d)!)];
}
