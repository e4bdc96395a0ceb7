namespace Directive920Bot.Channels;

/// <summary>What the router answers a button press with; it answers every press exactly once.</summary>
public sealed record CallbackReply(string? Text = null, bool Alert = false)
{
    public static readonly CallbackReply Silent = new();
}
