using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>Callback keys in <c>callback_keys</c>, unique by identity, kept in memory from issue.</summary>
internal sealed class LiteDbCallbackKeyRecords(Database db) : ICallbackKeyRecords
{
    public const string CollectionName = "callback_keys";

    /// <summary>Keys kept in memory at most; past it the cache starts again (a press costs one lookup more).</summary>
    public const int CacheLimit = 100_000;

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var keys = database.GetCollection<CallbackKey>(CollectionName);
        keys.EnsureIndex(k => k.Identity, unique: true);
        keys.EnsureIndex(k => k.OwnerId);
        keys.EnsureIndex(k => k.ExpiresAt);
        mapper?.ToDocument(new CallbackKey());
    });

    // A key never changes once issued and every press looks one up, so keys are kept in memory from issue; a revoked
    // key is never found again (see StoredCache).
    private readonly StoredCache<string, CallbackKey> cache = new(CacheLimit, StringComparer.Ordinal);

    private ILiteCollection<CallbackKey> Keys => db.Collection<CallbackKey>(CollectionName);

    public CallbackKey? Find(string id) => cache.Get(id, () => Keys.FindById(id));

    public CallbackKey? FindByIdentity(string identity) => Keys.FindOne(Filter.Eq(nameof(CallbackKey.Identity), identity));

    public void Insert(ITransaction tx, CallbackKey key)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(key);
        Keys.Insert(key);
        // Most keys are pressed soon after they are sent (an acknowledgement): kept from the start, once stored for good.
        cache.KeepWhenCommitted(tx, key.Id, key);
    }

    public void Delete(ITransaction tx, string id)
    {
        ArgumentNullException.ThrowIfNull(tx);
        cache.Writing(tx, id, () => Keys.Delete(id));
    }

    // Keys without an expiry sort before every date in the index, so the range never touches them.
    public int DeleteExpired(ITransaction tx, DateTime now) =>
        cache.WritingAny(tx, () => Keys.DeleteMany(BsonExpression.Create("$.ExpiresAt BETWEEN @0 AND @1", DateTime.MinValue, now)));

    public int DeleteOwnedBy(ITransaction tx, long ownerId) => cache.WritingAny(tx, () => Keys.DeleteMany(Filter.Eq(nameof(CallbackKey.OwnerId), ownerId)));

    public int DeletePayload(ITransaction tx, string action, string payload) =>
        cache.WritingAny(tx, () => Keys.DeleteMany(Filter.Eq(nameof(CallbackKey.Action), action, nameof(CallbackKey.Payload), payload)));

    public int DeleteMentioning(ITransaction tx, string token)
    {
        ArgumentNullException.ThrowIfNull(tx);
        // Few keys carry another person's id (an admin's confirmations and links); a scan of payloads finds them.
        var ids = Keys.Find(BsonExpression.Create("$.Payload LIKE @0", "%" + token + "%"))
            .Where(k => k.Payload.Split('|').Contains(token, StringComparer.Ordinal))
            .Select(k => k.Id).ToList();
        foreach (var id in ids)
        {
            Delete(tx, id);
        }

        return ids.Count;
    }

    public int CountCreatedBefore(DateTime cutoff) => Keys.Count(Query.LT(nameof(CallbackKey.CreatedAt), cutoff));

    public int DeleteCreatedBefore(ITransaction tx, DateTime cutoff) =>
        cache.WritingAny(tx, () => Keys.DeleteMany(Query.LT(nameof(CallbackKey.CreatedAt), cutoff)));
}
