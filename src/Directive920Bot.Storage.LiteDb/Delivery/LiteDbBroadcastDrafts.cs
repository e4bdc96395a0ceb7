using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>The /broadcast drafts, in collection <c>broadcast_drafts</c>, keyed by the admin's id.</summary>
internal sealed class LiteDbBroadcastDrafts(Database db) : IBroadcastDrafts
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

    public void Save(ITransaction tx, BroadcastDraft draft)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(draft);
        Drafts.Upsert(draft);
    }

    public bool Delete(ITransaction tx, long adminId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Drafts.Delete(adminId);
    }
}
