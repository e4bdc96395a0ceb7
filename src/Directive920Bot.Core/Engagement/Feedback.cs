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

    /// <summary>Null for a cadre's feedback; <c>implementation</c> for a unit's kiến nghị from its implementation report.</summary>
    public string? Source { get; set; }

    /// <summary>The requirement a unit's kiến nghị is about (L1–L5, S1–S3); null for a cadre's feedback.</summary>
    public string? RequirementId { get; set; }

    /// <summary>The reporting period of a unit's kiến nghị (<c>2026-Q4</c>); null for a cadre's feedback.</summary>
    public string? PeriodId { get; set; }

    /// <summary>UTC; for anonymous feedback only the date (midnight UTC), so the time cannot be matched with other records.</summary>
    public DateTime CreatedAt { get; set; }
}
