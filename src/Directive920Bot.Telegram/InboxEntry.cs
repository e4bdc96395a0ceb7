using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>One update as received, handed to the processor; stored as a <see cref="Channels.StoredUpdate"/> until handled.</summary>
public sealed class InboxEntry
{
    /// <summary>Telegram's update_id.</summary>
    public int Id { get; set; }

    public string Json { get; set; } = "";

    public long ChatKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The stored batch this update arrived in.</summary>
    public long BatchId { get; set; }

    /// <summary>The update as received, kept in memory so that it is not parsed again from <see cref="Json"/>; null after a restart.</summary>
    public Update? Received { get; set; }

    /// <summary>Took a place of the in-flight bound when accepted (updates recovered at start do not).</summary>
    internal bool HoldsRoom { get; set; }

    /// <summary>Its sender is over the per-person limit: only the polite notice is sent for it.</summary>
    internal bool NoticeOnly { get; set; }
}
