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

    /// <summary>Updates of channels without update ids (Zalo), one document per key (<see cref="KeyedUpdate"/>).</summary>
    public const string KeyedCollectionName = "inbox_keyed";

    public static readonly StoreSchema Schema = new(CollectionName, (_, mapper) => mapper?.ToDocument(new StoredUpdateBatch { Updates = [new StoredUpdate()] }));

    public static readonly StoreSchema KeyedSchema = new(KeyedCollectionName, (database, mapper) =>
    {
        var keyed = database.GetCollection<KeyedUpdate>(KeyedCollectionName);
        keyed.EnsureIndex(k => k.Channel);
        keyed.EnsureIndex(k => k.ReceivedAt);
        mapper?.ToDocument(new KeyedUpdate());
    });

    private ILiteCollection<KeyedUpdate> Keyed => db.Collection<KeyedUpdate>(KeyedCollectionName);

    private ILiteCollection<StoredUpdateBatch> Batches => db.Collection<StoredUpdateBatch>(CollectionName);

    private ILiteCollection<BsonDocument> Meta => db.Lite.GetCollection("_meta");

    IReadOnlyList<StoredUpdateBatch> IInboxStore.Batches() => [.. Batches.FindAll().OrderBy(b => b.Id)];

    public InboxCursor? ReadCursor(string channel) => InboxCursorDocument.Read(Meta.FindById(InboxCursorDocument.KeyFor(channel)));

    public StoredUpdateBatch? Accept(ITransaction tx, InboxArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(arrival);
        // The only writer is this process, and the writer runs one transaction at a time: reading the cursor and the
        // highest batch id here, under it, is already the merge the shared store does with a row lock.
        var (fresh, cursor) = arrival.Sift(ReadCursor(arrival.Channel));
        StoredUpdateBatch? batch = null;
        if (fresh.Count > 0)
        {
            var last = Batches.Query().OrderByDescending(b => b.Id).Select(b => b.Id).FirstOrDefault();
            batch = new StoredUpdateBatch { Id = last + 1, ReceivedAt = arrival.ReceivedAt, Owner = arrival.Owner, Updates = fresh };
            Batches.Insert(batch);
        }

        Meta.Upsert(InboxCursorDocument.For(arrival.Channel, cursor));
        return batch;
    }

    // One process is the only writer: whatever another run (another owner) left is nobody's now.
    public IReadOnlyList<StoredUpdateBatch> Claim(ITransaction tx, string owner, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var left = Batches.Find(Query.Not(nameof(StoredUpdateBatch.Owner), owner)).OrderBy(b => b.Id).ToList();
        foreach (var batch in left)
        {
            batch.Owner = owner;
            Batches.Update(batch);
        }

        return left;
    }

    public bool AnyToClaim(string owner) => Batches.Exists(Query.Not(nameof(StoredUpdateBatch.Owner), owner));

    // No lease on the embedded store: nobody else could take the batches.
    public bool LeasesBatches => false;

    public void Renew(ITransaction tx, string owner, TimeSpan lease) => ArgumentNullException.ThrowIfNull(tx);

    public void Release(ITransaction tx, string owner) => ArgumentNullException.ThrowIfNull(tx);

    public void DeleteBatch(ITransaction tx, long batchId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Batches.Delete(batchId);
    }

    public bool TryAcceptKeyed(ITransaction tx, KeyedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(update);
        update.Id = KeyedUpdate.IdFor(update.Channel, update.Key);
        if (Keyed.FindById(update.Id) is not null)
        {
            return false;
        }

        Keyed.Insert(update);
        return true;
    }

    public IReadOnlyList<KeyedUpdate> PendingKeyed(string channel) =>
        [.. Keyed.Find(Filter.Eq(nameof(KeyedUpdate.Channel), channel)).Where(k => !k.Handled).OrderBy(k => k.ReceivedAt)];

    public void MarkKeyedHandled(ITransaction tx, string channel, string key)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (Keyed.FindById(KeyedUpdate.IdFor(channel, key)) is { } update)
        {
            update.Handled = true;
            update.Json = ""; // the message itself is not kept once handled: only its key, for deduplication
            Keyed.Update(update);
        }
    }

    public int ForgetKeyed(ITransaction tx, string channel, DateTime before)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Keyed.DeleteMany(BsonExpression.Create("Channel = @0 AND Handled = true AND ReceivedAt < @1", channel, before));
    }
}
