namespace Directive920Bot.Engagement;

/// <summary>An item still not acknowledged after the last reminder: the unit's non-acknowledgement list.</summary>
public sealed class Escalation
{
    /// <summary>The delivery id.</summary>
    public string Id { get; set; } = "";

    public string? UnitCode { get; set; }

    public long SubscriberId { get; set; }

    public string? ItemId { get; set; }

    public string Subject { get; set; } = "";

    public string? CampaignId { get; set; }

    public DateTime DeliveredAt { get; set; }

    /// <summary>When it was escalated.</summary>
    public DateTime Since { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
