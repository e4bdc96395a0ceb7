namespace Directive920Bot.Delivery;

/// <summary>Something to send to an audience at a time (once or on a cron rule), in each cadre's language.</summary>
public sealed class Campaign
{
    public string Id { get; set; } = "";

    /// <summary>A content item (lesson, card, announcement) — or null when <see cref="Text"/> is set.</summary>
    public string? LessonId { get; set; }

    /// <summary>Free announcement text (Markdown as in content/), rendered to <see cref="Html"/> at creation.</summary>
    public string? Text { get; set; }

    public string? Html { get; set; }

    public bool RequireAck { get; set; }

    public CampaignAudience Audience { get; set; } = new();

    /// <summary>UTC; the first occurrence (null when created = now, or for a cron rule without a start).</summary>
    public DateTime? SendAt { get; set; }

    /// <summary>Quartz cron expression in Bot:TimeZone for a recurring campaign.</summary>
    public string? Cron { get; set; }

    /// <summary>"inline" or "poll"; null = the curriculum's quiz mode.</summary>
    public string? QuizMode { get; set; }

    public CampaignReminders? Reminders { get; set; }

    /// <summary>"Acknowledge after understanding": the button unlocks only once the lesson's quiz is answered; null = the curriculum's choice.</summary>
    public bool? RequireQuizBeforeAck { get; set; }

    public int Priority { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>UTC instant of the next occurrence to expand; null when none is left.</summary>
    public DateTime? NextOccurrenceAt { get; set; }

    /// <summary>Occurrences expanded (or recorded as missed) so far; the next one is number <c>Occurrences + 1</c>.</summary>
    public int Occurrences { get; set; }

    public DateTime? LastOccurrenceAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>The person (audit id) who created it: the approval rule refuses them as its approver.</summary>
    public long? CreatedById { get; set; }

    /// <summary>Who approved it (<see cref="CampaignStatus.AwaitingApproval"/> → scheduled), and when (UTC).</summary>
    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DeliveryKind Kind => LessonId is null ? DeliveryKind.Announcement : DeliveryKind.Lesson;

    public static string OccurrenceId(string campaignId, int number) => $"c:{campaignId}:{number}";
}
