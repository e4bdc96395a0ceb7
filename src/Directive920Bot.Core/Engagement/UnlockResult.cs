namespace Directive920Bot.Engagement;

/// <summary>How the acknowledgement button of a gated lesson was unlocked, if it was.</summary>
public enum UnlockResult
{
    None,
    /// <summary>The lesson message's own keyboard now carries the live button.</summary>
    InPlace,
    /// <summary>The lesson message could not be edited; the button came in a new message.</summary>
    NewMessage,
}
