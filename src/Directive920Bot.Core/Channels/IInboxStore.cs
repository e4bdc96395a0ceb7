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

    /// <summary>Stores <paramref name="batch"/> (when there is one) and the channel's new cursor.</summary>
    void Accept(ITransaction tx, string channel, StoredUpdateBatch? batch, InboxCursor cursor);

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
