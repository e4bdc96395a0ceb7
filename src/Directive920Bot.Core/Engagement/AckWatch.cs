namespace Directive920Bot.Engagement;

/// <summary>A sent row that waits for an acknowledgement: drives reminders and escalation.</summary>
public sealed class AckWatch
{
    /// <summary>The delivery id.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public string? ItemId { get; set; }

    public string Subject { get; set; } = "";

    public string? CampaignId { get; set; }

    public string? UnitCode { get; set; }

    public string Language { get; set; } = "vi";

    public DateTime SentAt { get; set; }

    /// <summary>Reminders enqueued so far.</summary>
    public int Step { get; set; }

    /// <summary>When the next reminder (or, after the last one, escalation) is due.</summary>
    public DateTime NextAt { get; set; }

    public int MaxReminders { get; set; }

    public int AfterWorkingHours { get; set; }

    /// <summary>The last reminder row while it may still be pending, so it can be skipped at once.</summary>
    public string? PendingReminderId { get; set; }

    public bool Done { get; set; }

    public string? DoneReason { get; set; }
}
