using System.Security.Cryptography;
using Directive920Bot.Storage;

namespace Directive920Bot.Channels;

/// <summary>Issues and resolves the opaque keys behind buttons; what is stored lives in <see cref="ICallbackKeyRecords"/>.</summary>
public sealed class CallbackKeyStore(ICallbackKeyRecords keys, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    // The preview scope of the current async flow (see Preview); null outside one.
    private static readonly AsyncLocal<PreviewScope?> CurrentPreview = new();

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
        var now = time.GetUtcNow().UtcDateTime;
        return storage.Write(tx => keys.DeleteExpired(tx, now));
    }

    private string IssueKey(long? ownerId, string action, string payload, TimeSpan? lifetime)
    {
        var identity = $"{ownerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}|{action}|{payload}";
        var now = time.GetUtcNow().UtcDateTime;
        // Most buttons were issued before (a message sent again, a list redrawn): answered from a read, no transaction.
        if (Valid(keys.FindByIdentity(identity), now) is { } issued)
        {
            return issued.Id;
        }

        // The lookup again, the replacement of an expired key and the insert in one transaction: two concurrent issues of
        // one button end with one key, not a unique-index failure.
        return storage.Write(tx => IssueKey(tx, identity, ownerId, action, payload, lifetime, now));
    }

    private string IssueKey(ITransaction tx, string identity, long? ownerId, string action, string payload, TimeSpan? lifetime, DateTime now)
    {
        var existing = keys.FindByIdentity(identity);
        if (Valid(existing, now) is { } issued)
        {
            return issued.Id;
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
            keys.Delete(tx, existing.Id);
        }

        keys.Insert(tx, key);
        return key.Id;
    }

    private static CallbackKey? Valid(CallbackKey? key, DateTime now) =>
        key is not null && (key.ExpiresAt is null || key.ExpiresAt > now) ? key : null;

    /// <summary>The key if it exists and has not expired; ownership is checked by the caller against the presser.</summary>
    public CallbackKey? Find(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length > 64)
        {
            return null;
        }

        var key = keys.Find(data);
        return key is null || (key.ExpiresAt is { } expires && expires <= time.GetUtcNow().UtcDateTime) ? null : key;
    }

    public int RevokeOwnedBy(long ownerId) => storage.Write(tx => RevokeOwnedBy(tx, ownerId));

    /// <summary>Revokes every key the person owns, in <paramref name="tx"/> (an erasure revokes them with the rest).</summary>
    public int RevokeOwnedBy(ITransaction tx, long ownerId) => keys.DeleteOwnedBy(tx, ownerId);

    public int RevokePayload(ITransaction tx, string action, string payload) => keys.DeletePayload(tx, action, payload);

    /// <summary>
    /// Revokes every key about the person: theirs, and other users' buttons whose payload names them (an admin's role
    /// confirmation or roster link). Erasure calls it in its transaction.
    /// </summary>
    public int RevokeAbout(ITransaction tx, long personId) =>
        keys.DeleteOwnedBy(tx, personId) + keys.DeleteMentioning(tx, personId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private sealed record PreviewScope(long OwnerId, string Action, TimeSpan Lifetime);

    private sealed class ScopeEnd(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}
