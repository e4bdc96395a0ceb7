namespace Directive920Bot.Engagement;

/// <summary>A feedback being written; deleted when it is sent or cancelled.</summary>
public sealed class FeedbackDraft
{
    /// <summary>The subscriber id.</summary>
    public long Id { get; set; }

    public string Token { get; set; } = "";

    public bool Anonymous { get; set; }

    public string? Text { get; set; }
}
