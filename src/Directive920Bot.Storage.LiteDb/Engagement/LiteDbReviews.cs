using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal sealed class LiteDbReviews(Database db) : IReviews
{
    public const string CollectionName = "eng_review";

    /// <summary>Engagement's bookkeeping documents (<c>_id</c>, <c>value</c>), shared with the reminder watermark.</summary>
    public const string MetaCollection = "eng_meta";
    private const string WeeklyKey = "weekly_review_last";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var items = database.GetCollection<ReviewItem>(CollectionName);
        items.EnsureIndex(r => r.SubscriberId);
        items.EnsureIndex(r => r.Resolved);
        items.EnsureIndex(r => r.UnitCode);
        mapper.ToDocument(new ReviewItem());
    });

    private ILiteCollection<ReviewItem> Items => db.Collection<ReviewItem>(CollectionName);

    public ReviewItem? Find(string id) => Items.FindById(id);

    public void Save(ITransaction tx, ReviewItem item) => Items.Upsert(item);

    public IReadOnlyList<ReviewItem> OpenFor(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId && !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> ForSubscriber(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<ReviewItem> Open() => Items.Find(r => !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Items.Find(BsonExpression.Create("$.Resolved = @0 AND $.UnitCode IN @1", false, new BsonArray(unitCodes.Select(c => new BsonValue(c))))).ToList();

    public string? LastWeeklySlot() => db.Lite.GetCollection(MetaCollection).FindById(WeeklyKey)?["value"].AsString;

    public void SetLastWeeklySlot(ITransaction tx, string slotKey) =>
        db.Lite.GetCollection(MetaCollection).Upsert(new BsonDocument { ["_id"] = WeeklyKey, ["value"] = slotKey });

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        foreach (var item in Items.Find(r => r.SubscriberId == subscriberId).ToList())
        {
            Items.Delete(item.Id);
            var pseudonym = pseudonyms.ForReview(item.ItemId, item.QuestionId);
            item.Id = ReviewItem.IdFor(pseudonym, item.ItemId, item.QuestionId);
            item.SubscriberId = pseudonym;
            item.PendingDeliveryId = null;
            Items.Upsert(item);
        }
    }
}
