namespace Directive920Bot.Channels;

/// <summary>
/// A button's callback data is an opaque random key; what it means, and who may press it, lives here on the server.
/// </summary>
public sealed class CallbackKey
{
    /// <summary>The opaque key sent as callback_data (16 URL-safe characters).</summary>
    public string Id { get; set; } = "";

    /// <summary>The only user who may press it; null for buttons shown before anything is stored (consent).</summary>
    public long? OwnerId { get; set; }

    /// <summary>Feature and verb, e.g. <c>reg.unit</c> or <c>ack</c>.</summary>
    public string Action { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>Owner, action and payload together: issuing the same button twice yields the same key.</summary>
    public string Identity { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string Feature => Action.Split('.', 2)[0];
}
