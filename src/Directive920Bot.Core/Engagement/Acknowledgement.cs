using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

/// <summary>
/// "I have read it and commit to it": recorded once per subscriber, subject (item or campaign occurrence) and content hash,
/// so a re-acknowledgement after a content change is a second record that reports can tell apart by <see cref="ContentHash"/>.
/// </summary>
public sealed class Acknowledgement
{
    public static string IdFor(long subscriberId, string subject, string contentHash) => $"{subscriberId}:{subject}:{contentHash}";

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
