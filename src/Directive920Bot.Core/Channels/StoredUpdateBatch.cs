namespace Directive920Bot.Channels;

/// <summary>The updates of one poll, written as one record and deleted once all of them are handled.</summary>
public sealed class StoredUpdateBatch
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// The instance handling it (<see cref="InboxArrival.Owner"/>); another instance takes it over when the owner's lease
    /// runs out (PostgreSQL) or, on the embedded store, at the next start. Empty for batches older than owners.
    /// </summary>
    public string Owner { get; set; } = "";

    public List<StoredUpdate> Updates { get; set; } = [];
}
