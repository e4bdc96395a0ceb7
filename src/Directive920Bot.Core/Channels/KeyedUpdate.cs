namespace Directive920Bot.Channels;

/// <summary>
/// One inbound update of a channel that numbers nothing (Zalo: no update_id, no offset), stored in the durable inbox
/// under a key the adapter derives from it (Zalo: <c>event_name</c> + <c>message_id</c>). The key makes a redelivered
/// update a duplicate; the row stays after it is handled, so that a redelivery days later is still recognised.
/// </summary>
public sealed class KeyedUpdate
{
    /// <summary><c>channel:key</c>: stored once.</summary>
    public string Id { get; set; } = "";

    public string Channel { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>The update as the channel sent it (a user's message: never logged).</summary>
    public string Json { get; set; } = "";

    /// <summary>The chat the updates of one person are handled in order on.</summary>
    public string ChatId { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    public bool Handled { get; set; }

    public static string IdFor(string channel, string key) => channel + ":" + key;
}
