using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

/// <summary>
/// "I have read it and commit to it": recorded once per subscriber, subject (item or campaign occurrence) and content hash,
/// so a re-acknowledgement after a content change is a second record that reports can tell apart by <see cref="ContentHash"/>.
/// </summary>
public sealed class Acknowledgement
{
    /// <summary><c>{subscriberId}:{subject}:{contentHash}</c>.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    /// <summary>The content item, or null for a free-text announcement.</summary>
    public string? ItemId { get; set; }

    /// <summary>The item id, or the campaign occurrence for free-text announcements.</summary>
    public string Subject { get; set; } = "";

    public string ContentHash { get; set; } = "";

    /// <summary>The ledger row whose button was pressed (a reminder's press counts for the row it reminds of).</summary>
    public string DeliveryId { get; set; } = "";

    public string? CampaignId { get; set; }

    /// <summary>Snapshot from the delivery row, so reports do not shift when people move.</summary>
    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime DeliveredAt { get; set; }

    /// <summary>The first reminder's deadline: pressing before it is "on time".</summary>
    public DateTime Deadline { get; set; }

    public DateTime AcknowledgedAt { get; set; }

    public string Channel { get; set; } = "telegram";

    public bool OnTime { get; set; }

    /// <summary>Given to a re-acknowledgement request after a content change (not to a first delivery of the item).</summary>
    public bool Reacknowledgement { get; set; }
}

/// <summary>The first answer to one question of one delivery; later presses change nothing.</summary>
public sealed class QuizAnswer
{
    /// <summary><c>{deliveryId}|{questionId}</c>.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public string DeliveryId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string QuestionId { get; set; } = "";

    /// <summary><c>{itemId}:{questionId}</c>: the per-question index reports group by.</summary>
    public string QuestionKey { get; set; } = "";

    public List<int> Selected { get; set; } = [];

    public bool Correct { get; set; }

    /// <summary>"inline" or "poll".</summary>
    public string Mode { get; set; } = "inline";

    /// <summary>An answer to a spaced-review or weekly-review question rather than the lesson's own quiz.</summary>
    public bool IsReview { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime AnsweredAt { get; set; }
}

/// <summary>A quiz question sent for a delivery: makes sending idempotent and maps a native poll back to its subscriber.</summary>
public sealed class QuizQuestionSent
{
    /// <summary><c>{deliveryId}|{questionId}</c>.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public string DeliveryId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string QuestionId { get; set; } = "";

    public int? MessageId { get; set; }

    /// <summary>Set for native quiz polls: poll_answer carries no chat, only this id.</summary>
    public string? PollId { get; set; }

    public string Mode { get; set; } = "inline";

    public DateTime SentAt { get; set; }
}

/// <summary>Options ticked so far on a question with several right answers, before "Send answer".</summary>
public sealed class QuizSelection
{
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public List<int> Selected { get; set; } = [];
}

/// <summary>A question answered wrongly: it comes back after the review intervals until answered right.</summary>
public sealed class ReviewItem
{
    /// <summary><c>{subscriberId}:{itemId}:{questionId}</c>.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public string ItemId { get; set; } = "";

    public string QuestionId { get; set; } = "";

    public string? UnitCode { get; set; }

    /// <summary>Wrong answers so far; the n-th wrong answer schedules the review after interval n (the last repeats).</summary>
    public int WrongCount { get; set; }

    public DateTime NextDueAt { get; set; }

    /// <summary>The review row enqueued for <see cref="NextDueAt"/>.</summary>
    public string? PendingDeliveryId { get; set; }

    public bool Resolved { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A sent row that waits for an acknowledgement: drives reminders and escalation.</summary>
public sealed class AckWatch
{
    /// <summary>The delivery id.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public long ChatId { get; set; }

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

/// <summary>A feedback being written; deleted when it is sent or cancelled.</summary>
public sealed class FeedbackDraft
{
    /// <summary>The subscriber id.</summary>
    public long Id { get; set; }

    public string Token { get; set; } = "";

    public bool Anonymous { get; set; }

    public string? Text { get; set; }
}
