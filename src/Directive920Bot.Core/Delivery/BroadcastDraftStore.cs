using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Delivery;

public sealed class BroadcastDraftStore(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string CollectionName = "broadcast_drafts";

    // Only looked up by primary key (the admin id): no secondary index is needed.
    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<BroadcastDraft>(CollectionName);
        mapper?.ToDocument(new BroadcastDraft());
    });

    private ILiteCollection<BroadcastDraft> Drafts => db.Collection<BroadcastDraft>(CollectionName);

    public BroadcastDraft? Find(long adminId) => Drafts.FindById(adminId);

    public void Save(BroadcastDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Drafts.Upsert(draft);
    }

    public bool Delete(long adminId) => Drafts.Delete(adminId);
}
