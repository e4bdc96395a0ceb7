using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Engagement;

public sealed class ReviewStore(Database db)
{
    public const string CollectionName = "eng_review";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var items = database.GetCollection<ReviewItem>(CollectionName);
        items.EnsureIndex(r => r.SubscriberId);
        items.EnsureIndex(r => r.Resolved);
        items.EnsureIndex(r => r.UnitCode);
        mapper.ToDocument(new ReviewItem());
    });

    private ILiteCollection<ReviewItem> Items => db.Collection<ReviewItem>(CollectionName);

    public static string IdFor(long subscriberId, string itemId, string questionId) => $"{subscriberId}:{itemId}:{questionId}";

    public ReviewItem? Find(string id) => Items.FindById(id);

    public void Save(ReviewItem item) => Items.Upsert(item);

    public IReadOnlyList<ReviewItem> OpenFor(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId && !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> ForSubscriber(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId).ToList();

    /// <summary>Every question still waiting to be answered right, for the weekly review and the reports.</summary>
    public IReadOnlyList<ReviewItem> Open() => Items.Find(r => !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Items.Find(BsonExpression.Create("$.Resolved = @0 AND $.UnitCode IN @1", false, new BsonArray(unitCodes.Select(c => new BsonValue(c))))).ToList();

    internal void EraseSubscriber(long subscriberId, long pseudonym)
    {
        db.InTransaction(() =>
        {
            foreach (var item in Items.Find(r => r.SubscriberId == subscriberId).ToList())
            {
                Items.Delete(item.Id);
                item.Id = IdFor(pseudonym, item.ItemId, item.QuestionId);
                item.SubscriberId = pseudonym;
                item.PendingDeliveryId = null;
                Items.Upsert(item);
            }
        });
    }
}
