using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>
/// The ledger in collection <c>deliveries</c>, and the chunks of large expansions in <c>delivery_chunks</c>. Writes run
/// on the database writer, in the transaction they are given.
/// </summary>
internal sealed class LiteDbDeliveryLedger(Database db) : IDeliveryLedgerStore
{
    // Reports still read the rows by this name (see DeliveryLedger.CollectionName), hence one name for both.
    public const string CollectionName = DeliveryLedger.CollectionName;

    /// <summary>Rows of large expansions not yet written as rows (see <see cref="DeliveryChunk"/>).</summary>
    public const string ChunksCollection = "delivery_chunks";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var rows = database.GetCollection<DeliveryRow>(CollectionName);
        rows.EnsureIndex(r => r.State);
        rows.EnsureIndex(r => r.CampaignId);
        rows.EnsureIndex(r => r.SubscriberId);
        rows.EnsureIndex(r => r.SentAt);
        database.GetCollection<DeliveryChunk>(ChunksCollection).EnsureIndex(c => c.CampaignId);
        mapper.ToDocument(new DeliveryRow());
        mapper.ToDocument(new DeliveryChunk());
    });

    private ILiteCollection<DeliveryRow> Rows => db.Collection<DeliveryRow>(CollectionName);

    private ILiteCollection<DeliveryChunk> ChunkDocuments => db.Collection<DeliveryChunk>(ChunksCollection);

    public DeliveryRow? Find(string id) => Rows.FindById(id);

    public IReadOnlyList<DeliveryRow> ForSubscriber(long subscriberId) => Rows.Find(r => r.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<DeliveryRow> ForCampaign(string campaignId, DeliveryState? state = null) =>
        state is { } s
            ? Rows.Find(Filter.Eq(nameof(DeliveryRow.CampaignId), campaignId, nameof(DeliveryRow.State), s.ToString())).ToList()
            : Rows.Find(r => r.CampaignId == campaignId).ToList();

    public IReadOnlyList<DeliveryRow> InState(DeliveryState state) => Rows.Find(Filter.Eq(nameof(DeliveryRow.State), state.ToString())).ToList();

    public IReadOnlyList<DeliveryRow> SentBetween(DateTime fromUtc, DateTime toUtc) =>
        Rows.Find(Filter.From(nameof(DeliveryRow.SentAt), fromUtc, toUtc)).ToList();

    public DateTime? EarliestDue(DeliveryState state) =>
        Rows.Query().Where(Query.EQ(nameof(DeliveryRow.State), state.ToString()))
            .OrderBy(r => r.DueAt).Limit(1).FirstOrDefault()?.DueAt;

    public IEnumerable<(string? Id, DeliveryState State, DateTime DueAt)> StatesOf(string campaignId, bool withIds)
    {
        // A projection: only the fields counted are read into memory, whatever the size of the rows.
        var projection = withIds ? "{_id: $._id, State: $.State, DueAt: $.DueAt}" : "{State: $.State, DueAt: $.DueAt}";
        foreach (var doc in db.Lite.GetCollection(CollectionName).Query()
                     .Where(Filter.Eq(nameof(DeliveryRow.CampaignId), campaignId)).Select(projection).ToEnumerable())
        {
            if (Enum.TryParse<DeliveryState>(doc["State"].AsString, out var state))
            {
                yield return (withIds ? doc["_id"].AsString : null, state, doc["DueAt"].AsDateTime);
            }
        }
    }

    public int CountFinishedBefore(DateTime cutoff) => Rows.Count(Finished(cutoff));

    public int DeleteFinishedBefore(ITransaction tx, DateTime cutoff) => Rows.DeleteMany(Finished(cutoff));

    private static System.Linq.Expressions.Expression<Func<DeliveryRow, bool>> Finished(DateTime cutoff) => r =>
        r.UpdatedAt < cutoff && (r.State == DeliveryState.Sent || r.State == DeliveryState.Failed || r.State == DeliveryState.Blocked || r.State == DeliveryState.Skipped);

    public void Insert(ITransaction tx, IReadOnlyCollection<DeliveryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Rows.Insert(rows);
    }

    public void Update(ITransaction tx, DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Rows.Update(row);
    }

    public void Upsert(ITransaction tx, DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Rows.Upsert(row);
    }

    public void Delete(ITransaction tx, string id)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Rows.Delete(id);
    }

    public IReadOnlyList<DeliveryChunk> Chunks(string? campaignId = null) =>
        (campaignId is null ? ChunkDocuments.FindAll() : ChunkDocuments.Find(c => c.CampaignId == campaignId)).ToList();

    public DeliveryChunk? FindChunk(string id) => ChunkDocuments.FindById(id);

    // The primary key's order, first document only: an OrderBy query would read every (large) chunk to sort them.
    public DeliveryChunk? FirstChunk() => ChunkDocuments.Find(Query.All(), 0, 1).FirstOrDefault();

    public void InsertChunk(ITransaction tx, DeliveryChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ChunkDocuments.Insert(chunk);
    }

    // LiteDB has no cheaper bulk path inside the writer's transaction: one insert per chunk, as before.
    public void InsertChunks(ITransaction tx, IReadOnlyCollection<DeliveryChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(chunks);
        foreach (var chunk in chunks)
        {
            ChunkDocuments.Insert(chunk);
        }
    }

    public void UpdateChunk(ITransaction tx, DeliveryChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ChunkDocuments.Update(chunk);
    }

    public void DeleteChunk(ITransaction tx, string id)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ChunkDocuments.Delete(id);
    }
}
