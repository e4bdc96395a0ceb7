using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>Spaced-review items in <c>review_items</c> (open ones through a partial index) and the weekly review's slot.</summary>
internal sealed class PgReviews(PostgresStorage db) : IReviews
{
    private const string WeeklyKey = "weekly_review_last";

    public ReviewItem? Find(string id) => Json.Read<ReviewItem>(db.One<string>("SELECT doc::text FROM review_items WHERE id = @id", new { id }));

    public void Save(ITransaction tx, ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        db.Execute(tx, """
            INSERT INTO review_items (id, subscriber_id, unit_code, resolved, doc) VALUES (@Id, @SubscriberId, @UnitCode, @Resolved, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, unit_code = excluded.unit_code, resolved = excluded.resolved, doc = excluded.doc
            """, new { item.Id, item.SubscriberId, item.UnitCode, item.Resolved, doc = Json.Write(item) });
    }

    public IReadOnlyList<ReviewItem> OpenFor(long subscriberId) => Many("WHERE subscriber_id = @subscriberId AND NOT resolved", new { subscriberId });

    public IReadOnlyList<ReviewItem> ForSubscriber(long subscriberId) => Many("WHERE subscriber_id = @subscriberId", new { subscriberId });

    public IReadOnlyList<ReviewItem> Open() => Many("WHERE NOT resolved", null);

    public IReadOnlyList<ReviewItem> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Many("WHERE NOT resolved AND unit_code = ANY (@codes)", new { codes = unitCodes.ToArray() });

    public string? LastWeeklySlot() => db.One<string>("SELECT value FROM engagement_meta WHERE key = @key", new { key = WeeklyKey });

    public void SetLastWeeklySlot(ITransaction tx, string slotKey) =>
        db.Execute(tx, "INSERT INTO engagement_meta (key, value) VALUES (@key, @slotKey) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key = WeeklyKey, slotKey });

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        var items = db.Query<string>(tx, "DELETE FROM review_items WHERE subscriber_id = @subscriberId RETURNING doc::text", new { subscriberId });
        foreach (var item in items.Select(d => Json.Read<ReviewItem>(d)!))
        {
            var pseudonym = pseudonyms.ForReview(item.ItemId, item.QuestionId);
            item.Id = ReviewItem.IdFor(pseudonym, item.ItemId, item.QuestionId);
            item.SubscriberId = pseudonym;
            item.PendingDeliveryId = null;
            Save(tx, item);
        }
    }

    private List<ReviewItem> Many(string where, object? param) =>
        [.. db.Query<string>($"SELECT doc::text FROM review_items {where} ORDER BY id", param).Select(d => Json.Read<ReviewItem>(d)!)];
}
