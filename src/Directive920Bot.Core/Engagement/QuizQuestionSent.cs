namespace Directive920Bot.Engagement;

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
