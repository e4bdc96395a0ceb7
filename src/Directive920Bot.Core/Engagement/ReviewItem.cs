namespace Directive920Bot.Engagement;

/// <summary>A question answered wrongly: it comes back after the review intervals until answered right.</summary>
public sealed class ReviewItem
{
    public static string IdFor(long subscriberId, string itemId, string questionId) => $"{subscriberId}:{itemId}:{questionId}";

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
