using Directive920Bot.Storage;

namespace Directive920Bot.Channels;

/// <summary>
/// Persons and their channel addresses: which person an address belongs to, and where a person can be reached. A person
/// may have several addresses (one per channel); one of them is preferred for sends that are not replies. Adapters
/// alone use it: inbound they turn the sender's address into a person id, outbound a person id into the address to send
/// to; features speak person ids (<see cref="PersonIds"/>). Stored only from consent on: before it, a sender has the
/// provisional id <see cref="PersonIds.Provisional"/> and no row.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The person the address is stored for; null when none is (before consent, or never seen).</summary>
    long? Find(ChannelAddress address);

    /// <summary>The person's stored addresses, the preferred one first; empty when none is stored.</summary>
    IReadOnlyList<ChannelAddress> AddressesOf(long personId);

    /// <summary>
    /// Stores the address of a person who consents and returns their person id: the id already stored for it; else a
    /// Telegram user's own id; else a new id the store allocates from <see cref="PersonIds.FirstAllocated"/> up. The
    /// first address of a person is their preferred one. Idempotent.
    /// </summary>
    long Register(ITransaction tx, ChannelAddress address);

    /// <summary>
    /// Links another address to an existing person (the second channel of one cadre), in the caller's transaction;
    /// <paramref name="preferred"/> makes it the address sends go to. Linking an address to the person it already
    /// belongs to changes nothing (but may make it preferred); an address of another person throws
    /// <see cref="DuplicateKeyException"/> and nothing of the transaction is written.
    /// </summary>
    void Link(ITransaction tx, long personId, ChannelAddress address, bool preferred = false);

    /// <summary>
    /// Removes one address from the person (<c>/huylienket</c>), in the caller's transaction: the address becomes unknown
    /// again, the person keeps every record and the other addresses; if the removed one was preferred, the first one left
    /// becomes preferred. Returns false, changing nothing, when the address is not the person's (already removed: idempotent);
    /// throws <see cref="InvalidOperationException"/> when it is the person's last address (a person is never left unreachable).
    /// </summary>
    bool Unlink(ITransaction tx, long personId, ChannelAddress address);

    /// <summary>Removes every address of the person (erasure); returns how many there were.</summary>
    int Forget(ITransaction tx, long personId);
}
