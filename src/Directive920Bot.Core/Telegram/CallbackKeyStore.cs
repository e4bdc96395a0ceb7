using System.Security.Cryptography;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Telegram;

public sealed class CallbackKeyStore(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string CollectionName = "callback_keys";

    private ILiteCollection<CallbackKey> Keys => db.Collection<CallbackKey>(CollectionName);

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var keys = database.GetCollection<CallbackKey>(CollectionName);
        keys.EnsureIndex(k => k.Identity, unique: true);
        keys.EnsureIndex(k => k.OwnerId);
        keys.EnsureIndex(k => k.ExpiresAt);
        mapper?.ToDocument(new CallbackKey());
    });

    // The preview scope of the current async flow (see Preview); null outside one.
    private static readonly AsyncLocal<PreviewScope?> CurrentPreview = new();

    /// <summary>Keys kept in memory at most; past it the cache starts again (a press costs one lookup more).</summary>
    public const int CacheLimit = 100_000;

    // A key never changes once issued and every press looks one up, so keys are kept in memory from issue; a revoked
    // key is never found again (see StoredCache).
    private readonly StoredCache<string, CallbackKey> cache = new(db, CacheLimit, StringComparer.Ordinal);

    /// <summary>Returns the key for this button, creating it once.</summary>
    public string Issue(long? ownerId, string action, string payload = "", TimeSpan? lifetime = null)
    {
        if (CurrentPreview.Value is { } preview)
        {
            // A preview shows the buttons but must not create what they stand for: every button gets the one inert key.
            return IssueKey(preview.OwnerId, preview.Action, "", preview.Lifetime);
        }

        return IssueKey(ownerId, action, payload, lifetime);
    }

    /// <summary>
    /// Until the returned scope is disposed, every <see cref="Issue"/> on this async flow returns one expiring key of
    /// <paramref name="action"/> owned by <paramref name="ownerId"/>: a message composed in the scope (a broadcast preview)
    /// shows the real buttons, and pressing any of them only reaches the handler of <paramref name="action"/>.
    /// </summary>
    public static IDisposable Preview(long ownerId, string action, TimeSpan lifetime)
    {
        var previous = CurrentPreview.Value;
        CurrentPreview.Value = new PreviewScope(ownerId, action, lifetime);
        return new ScopeEnd(() => CurrentPreview.Value = previous);
    }

    /// <summary>Deletes the keys whose lifetime is over (they are already refused by <see cref="Find"/>); returns how many.</summary>
    public int PurgeExpired()
    {
        // Keys without an expiry sort before every date in the index, so the range never touches them.
        var now = time.GetUtcNow().UtcDateTime;
        return cache.WritingAny(() => Keys.DeleteMany(BsonExpression.Create("$.ExpiresAt BETWEEN @0 AND @1", DateTime.MinValue, now)));
    }

    private string IssueKey(long? ownerId, string action, string payload, TimeSpan? lifetime)
    {
        var identity = $"{ownerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}|{action}|{payload}";
        var existing = Keys.FindOne(k => k.Identity == identity);
        var now = time.GetUtcNow().UtcDateTime;
        if (existing is not null && (existing.ExpiresAt is null || existing.ExpiresAt > now))
        {
            return existing.Id;
        }

        var key = new CallbackKey
        {
            Id = NewKey(),
            OwnerId = ownerId,
            Action = action,
            Payload = payload,
            Identity = identity,
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        if (existing is not null)
        {
            cache.Writing(existing.Id, () => Keys.Delete(existing.Id));
        }

        Keys.Insert(key);
        // Most keys are pressed soon after they are sent (an acknowledgement): kept from the start, once stored for good.
        cache.KeepWhenCommitted(key.Id, key);
        return key.Id;
    }

    /// <summary>The key if it exists and has not expired; ownership is checked by the caller against the presser.</summary>
    public CallbackKey? Find(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length > 64)
        {
            return null;
        }

        var key = cache.Get(data, () => Keys.FindById(data));
        return key is null || (key.ExpiresAt is { } expires && expires <= time.GetUtcNow().UtcDateTime) ? null : key;
    }

    public int RevokeOwnedBy(long ownerId) => cache.WritingAny(() => Keys.DeleteMany(k => k.OwnerId == ownerId));

    public int RevokePayload(string action, string payload) => cache.WritingAny(() => Keys.DeleteMany(k => k.Action == action && k.Payload == payload));

    private sealed record PreviewScope(long OwnerId, string Action, TimeSpan Lifetime);

    private sealed class ScopeEnd(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}
