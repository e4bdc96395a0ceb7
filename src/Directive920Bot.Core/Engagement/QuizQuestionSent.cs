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

    /// <summary>The order the options were sent in (<c>Shown[position] = authored index</c>): a poll answer's option ids
    /// are positions in it. Empty for questions sent before options were shuffled (authored order).</summary>
    public List<int> Shown { get; set; } = [];

    public DateTime SentAt { get; set; }

    /// <summary>
    /// Set when a vote on this poll came while the person's consent had to be asked again (or was withdrawn): the vote
    /// was not recorded, and the question is asked again, as a new poll, once they agree (a quiz poll takes one vote).
    /// </summary>
    public DateTime? HeldAt { get; set; }
}
