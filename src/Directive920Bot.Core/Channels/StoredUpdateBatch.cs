namespace Directive920Bot.Channels;

/// <summary>The updates of one poll, written as one record and deleted once all of them are handled.</summary>
public sealed class StoredUpdateBatch
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    public List<StoredUpdate> Updates { get; set; } = [];
}
