namespace Directive920Bot.Telegram;

/// <summary>The updates of one getUpdates answer, written as one document and deleted once all of them are handled.</summary>
public sealed class InboxBatch
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    public List<InboxEntry> Updates { get; set; } = [];
}
