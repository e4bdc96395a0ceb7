using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>
/// Batches in <c>inbox_batches</c> (one document per poll, however many updates it holds: per update the inbox costs a
/// share of one insert and one delete) and each channel's cursor in <c>_meta</c>.
/// </summary>
internal sealed class LiteDbInboxStore(Database db) : IInboxStore
{
    public const string CollectionName = "inbox_batches";

    public static readonly StoreSchema Schema = new(CollectionName, (_, mapper) => mapper?.ToDocument(new StoredUpdateBatch { Updates = [new StoredUpdate()] }));

    private ILiteCollection<StoredUpdateBatch> Batches => db.Collection<StoredUpdateBatch>(CollectionName);

    private ILiteCollection<BsonDocument> Meta => db.Lite.GetCollection("_meta");

    IReadOnlyList<StoredUpdateBatch> IInboxStore.Batches() => [.. Batches.FindAll().OrderBy(b => b.Id)];

    public InboxCursor? ReadCursor(string channel) => InboxCursorDocument.Read(Meta.FindById(InboxCursorDocument.KeyFor(channel)));

    public void Accept(ITransaction tx, string channel, StoredUpdateBatch? batch, InboxCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (batch is not null)
        {
            Batches.Insert(batch);
        }

        Meta.Upsert(InboxCursorDocument.For(channel, cursor));
    }

    public void DeleteBatch(ITransaction tx, long batchId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Batches.Delete(batchId);
    }
}
