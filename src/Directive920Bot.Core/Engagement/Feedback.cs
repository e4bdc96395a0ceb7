namespace Directive920Bot.Engagement;

/// <summary>An opinion or proposal about carrying out the notice (clause I1). Anonymous ones keep nothing about the sender.</summary>
public sealed class Feedback
{
    /// <summary>Random, unrelated to the sender.</summary>
    public string Id { get; set; } = "";

    public bool Anonymous { get; set; }

    /// <summary>Null when anonymous.</summary>
    public long? SubscriberId { get; set; }

    /// <summary>Null when anonymous.</summary>
    public string? UnitCode { get; set; }

    public string Text { get; set; } = "";

    /// <summary>UTC; for anonymous feedback only the date (midnight UTC), so the time cannot be matched with other records.</summary>
    public DateTime CreatedAt { get; set; }
}
