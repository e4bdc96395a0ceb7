using Directive920Bot.Storage;

namespace Directive920Bot.Channels;

/// <summary>
/// What a channel without buttons offered a person last as numbered typed replies, kept durably so that a reply typed
/// after a restart still means the same button or quiz option. Kept by the storage provider.
/// </summary>
public interface IOfferedChoicesStore
{
    OfferedChoices? Find(string channel, long personId);

    /// <summary>Replaces the person's offer on the channel.</summary>
    void Offer(ITransaction tx, OfferedChoices offer);

    /// <summary>Withdraws the person's offer on the channel (the buttons were removed).</summary>
    void Withdraw(ITransaction tx, string channel, long personId);

    /// <summary>Forgets every offer to the person (erasure); returns how many there were.</summary>
    int Forget(ITransaction tx, long personId);
}
