using Directive920Bot.Storage;

namespace Directive920Bot.Channels;

/// <summary>
/// The durable inbox of a channel adapter: batches of received updates not yet handled, and the channel's cursor. A
/// batch and the cursor that acknowledges it are written in one transaction, so an update is never acknowledged to the
/// channel before it is stored.
/// </summary>
public interface IInboxStore
{
    /// <summary>The stored batches (left by a previous run, or not yet handled), in id order.</summary>
    IReadOnlyList<StoredUpdateBatch> Batches();

    /// <summary>The channel's cursor, or null before its first poll.</summary>
    InboxCursor? ReadCursor(string channel);

    /// <summary>
    /// Stores the updates of <paramref name="arrival"/> that no instance stored lately as one batch, under an id the
    /// store allocates (never the same for two instances), owned by <see cref="InboxArrival.Owner"/>, and merges the
    /// channel's cursor (offset and seen ranges) in the same transaction. Returns the batch as stored — only what this
    /// call stored, which its caller alone handles — or null when every update was seen before.
    /// </summary>
    StoredUpdateBatch? Accept(ITransaction tx, InboxArrival arrival);

    /// <summary>
    /// Takes over the batches no live instance handles: on PostgreSQL those whose owner's lease ran out (a crashed or
    /// stopped instance's), skipping rows another claimer holds; on the embedded store, where one process is the only
    /// writer, every batch another run left. They are <paramref name="owner"/>'s afterwards, for <paramref name="lease"/>.
    /// </summary>
    IReadOnlyList<StoredUpdateBatch> Claim(ITransaction tx, string owner, TimeSpan lease);

    /// <summary>Whether <see cref="Claim"/> would take anything now (a read, so that an idle check writes nothing).</summary>
    bool AnyToClaim(string owner);

    /// <summary>
    /// Whether batches carry a lease another instance may take over when it runs out (PostgreSQL); false where one
    /// process is the only writer (the embedded store), so that nothing renews what cannot run out.
    /// </summary>
    bool LeasesBatches { get; }

    /// <summary>Extends the lease of <paramref name="owner"/>'s batches by <paramref name="lease"/> from now.</summary>
    void Renew(ITransaction tx, string owner, TimeSpan lease);

    /// <summary>Ends the lease of <paramref name="owner"/>'s batches (a stopping instance): any instance takes them at once.</summary>
    void Release(ITransaction tx, string owner);

    /// <summary>Forgets a batch whose updates are all handled.</summary>
    void DeleteBatch(ITransaction tx, long batchId);

    /// <summary>
    /// Stores an update of a channel without update ids (<see cref="KeyedUpdate"/>) unless one with its key is stored
    /// already; false for a duplicate (a redelivery), which is then not handled again.
    /// </summary>
    bool TryAcceptKeyed(ITransaction tx, KeyedUpdate update);

    /// <summary>The channel's keyed updates stored and not yet handled (left by a previous run), oldest first.</summary>
    IReadOnlyList<KeyedUpdate> PendingKeyed(string channel);

    /// <summary>Marks a keyed update handled; it stays as the memory of its key until <see cref="ForgetKeyed"/>.</summary>
    void MarkKeyedHandled(ITransaction tx, string channel, string key);

    /// <summary>Forgets the channel's handled keyed updates received before <paramref name="before"/>; returns how many.</summary>
    int ForgetKeyed(ITransaction tx, string channel, DateTime before);
}
