using Directive920Bot.Storage;

namespace Directive920Bot.Channels;

/// <summary>The stored callback keys (see <see cref="CallbackKeyStore"/>, which decides what a key is and when it is issued).</summary>
public interface ICallbackKeyRecords
{
    CallbackKey? Find(string id);

    /// <summary>The key issued for this owner, action and payload, expired or not.</summary>
    CallbackKey? FindByIdentity(string identity);

    void Insert(ITransaction tx, CallbackKey key);

    void Delete(ITransaction tx, string id);

    /// <summary>Deletes the keys that expired at or before <paramref name="now"/>; returns how many.</summary>
    int DeleteExpired(ITransaction tx, DateTime now);

    int DeleteOwnedBy(ITransaction tx, long ownerId);

    int DeletePayload(ITransaction tx, string action, string payload);

    /// <summary>Deletes the keys whose payload has <paramref name="token"/> as one of its <c>|</c>-separated parts (another user's buttons about a person).</summary>
    int DeleteMentioning(ITransaction tx, string token);

    int CountCreatedBefore(DateTime cutoff);

    /// <summary>Deletes keys issued before <paramref name="cutoff"/>, expired or not (retention; old buttons answer "no longer valid").</summary>
    int DeleteCreatedBefore(ITransaction tx, DateTime cutoff);
}
