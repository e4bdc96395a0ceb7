using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>
/// The subscribers: profiles, their dialogue state, the tombstones of erased ones and the members per unit that reports
/// read. Writes take the transaction they belong to; reads see committed data.
/// </summary>
public interface ISubscribers
{
    /// <summary>The subscriber as stored, as a fresh object the caller may change and save; null when unknown.</summary>
    Subscriber? Find(long userId);

    /// <summary>
    /// Stores the whole subscriber (stamping <see cref="Subscriber.UpdatedAt"/>) and moves the members per unit from what
    /// was stored to what is written, whatever stale copy the caller changed.
    /// </summary>
    void Save(ITransaction tx, Subscriber subscriber);

    IEnumerable<Subscriber> Registered();

    /// <summary>Registered subscribers of the units (not their sub-units).</summary>
    IEnumerable<Subscriber> InUnits(IReadOnlyCollection<string> unitCodes);

    /// <summary>
    /// Registered subscribers with only what a delivery needs (no name, consent or dialogue state): an audience of
    /// 100,000 is read without loading 100,000 whole profiles. The objects are partial: never pass them to
    /// <see cref="Save"/> (the name, consent and dialogue state would be lost).
    /// </summary>
    IEnumerable<Subscriber> RegisteredForDelivery(IReadOnlyCollection<string>? unitCodes = null);

    /// <summary>
    /// The subscribers whose drip track may move (registered, active, not paused), in id order, with only what a track
    /// step needs; the tick reads this every minute. The objects are partial: never pass them to <see cref="Save"/>.
    /// </summary>
    IReadOnlyList<Subscriber> ForTrack();

    int Count();

    /// <summary>
    /// Sets a registered subscriber's status (blocked or gone: pushes stop until Telegram says the user is back), reading
    /// what is stored in <paramref name="tx"/>; false, and nothing written, when the subscriber is unknown, not
    /// registered, already in <paramref name="status"/>, or not in <paramref name="onlyFrom"/> when given.
    /// </summary>
    bool SetStatus(ITransaction tx, long userId, SubscriberStatus status, SubscriberStatus? onlyFrom = null);

    /// <summary>
    /// Deletes the subscriber; a registered one leaves an anonymous tombstone under <see cref="ErasurePseudonyms.Tombstone"/> for
    /// counts (<see cref="Erased"/>). False when there was nobody to erase.
    /// </summary>
    bool Erase(ITransaction tx, long userId, ErasurePseudonyms pseudonyms);

    /// <summary>The ids of the subscribers in <paramref name="status"/> not saved since <paramref name="cutoff"/> (retention).</summary>
    IReadOnlyList<long> IdleSince(SubscriberStatus status, DateTime cutoff);

    /// <summary>The tombstones of erased subscribers.</summary>
    IEnumerable<ErasedSubscriber> Erased();

    /// <summary>
    /// Registered subscribers per unit, committed: registered, and of them active, blocked and stopped. Kept with every
    /// save and erasure; equal to a count of the subscribers (see <see cref="RebuildCounts"/>). With
    /// <paramref name="unitCodes"/>, only those units (a unit report need not count the whole bloc: on a store that
    /// counts by query, that is the difference between its sub-tree's rows and every row).
    /// </summary>
    IReadOnlyDictionary<string, MemberCount> CountsByUnit(IReadOnlyCollection<string>? unitCodes = null);

    /// <summary>Counts the subscribers again and replaces the kept counts (for anyone who wrote behind the store's back, such as a bulk seed).</summary>
    void RebuildCounts(ITransaction tx);
}
