namespace Directive920Bot.Channels;

/// <summary>One inbound update as a channel delivered it, stored in its <see cref="StoredUpdateBatch"/> until handled.</summary>
public sealed class StoredUpdate
{
    /// <summary>The channel's id of the update (Telegram's update_id).</summary>
    public int Id { get; set; }

    /// <summary>The update as the channel sent it, serialised by its adapter.</summary>
    public string Json { get; set; } = "";

    /// <summary>The key the updates of one person are handled in order on.</summary>
    public long ChatKey { get; set; }

    public DateTime ReceivedAt { get; set; }
}
