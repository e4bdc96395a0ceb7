using Directive920Bot.Channels;
using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

// The seams between the delivery engine and the features around it (engagement, reports, the sandbox).
// The engine owns the ledger and the dispatcher; others enqueue rows, decorate messages and observe outcomes.

public enum DeliveryState
{
    Pending,
    /// <summary>Handed to the dispatcher; a crash leaves it here and the start-up reconciliation resolves it.</summary>
    Sending,
    Sent,
    Failed,
    /// <summary>403 blocked/deactivated or 400 chat not found: never retried.</summary>
    Blocked,
    /// <summary>Not sent on purpose (outside the grace window, unsubscribed, cancelled…); the reason is in LastError.</summary>
    Skipped,
}

public enum DeliveryKind
{
    Lesson,
    Announcement,
    Reminder,
    Quiz,
    Review,
    Digest,
    Nudge,
}

/// <summary>One row of the delivery ledger: one message to one subscriber for one occurrence.</summary>
public sealed class DeliveryRow
{
    /// <summary>The unique key: <c>{OccurrenceId}:{SubscriberId}</c>. Enqueuing the same id twice stores it once.</summary>
    public string Id { get; set; } = "";

    /// <summary>A campaign occurrence (<c>c:{campaignId}:{n}</c>), a track step (<c>t:{itemId}</c>), a reminder (<c>r{n}:{deliveryId}</c>)…</summary>
    public string OccurrenceId { get; set; } = "";

    public string? CampaignId { get; set; }

    public long SubscriberId { get; set; }

    public long ChatId { get; set; }

    public DeliveryKind Kind { get; set; }

    /// <summary>The content item (lesson, card, announcement) this row carries, if any.</summary>
    public string? ItemId { get; set; }

    /// <summary>The item's content hash when the row was created: acknowledgements are tied to it.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Free HTML for announcements and ad-hoc messages (already in the subscriber's language).</summary>
    public string? Html { get; set; }

    /// <summary>Kind-specific data, e.g. the question id of a quiz row or the delivery id a reminder is about.</summary>
    public string? Payload { get; set; }

    public string Language { get; set; } = "vi";

    public bool RequireAck { get; set; }

    /// <summary>Snapshot of the subscriber's unit and role when the row was created, so reports do not shift when people move.</summary>
    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public int? MessageId { get; set; }

    /// <summary>Earliest instant (UTC) it may be sent; quiet hours push it later.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>Higher goes first among rows that are due (reminders before bulk lessons, for instance).</summary>
    public int Priority { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Parts of a split message already sent, so that a retry continues where it stopped.</summary>
    public int PartsSent { get; set; }
}

/// <summary>Adds channel-neutral buttons to a message before it is sent (engagement: acknowledge, quiz).</summary>
public interface IDeliveryDecorator
{
    OutboundMessage Decorate(DeliveryRow row, OutboundMessage message);
}

/// <summary>Told after the ledger records a final outcome (sent, failed, blocked, skipped).</summary>
public interface IDeliveryObserver
{
    Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct);
}

/// <summary>
/// Writes what a final outcome implies (the report counters) in the transaction that records the outcome, on the
/// database writer, as engagement tells its observers of an acknowledgement: the outcome and these writes commit
/// together or not at all, so no crash can keep one without the other. Only database work belongs here (it runs inside
/// the group commit, see <see cref="Storage.Database.WriteAsync{T}"/>); anything slow or outward, such as a message,
/// belongs in an <see cref="IDeliveryObserver"/>, told after the commit.
/// </summary>
public interface IDeliveryOutcomeRecorder
{
    void Record(DeliveryRow row);
}

/// <summary>Told after a cadre pauses or resumes lesson pushes (/pause, /resume), once per real change.</summary>
public interface IPauseObserver
{
    void OnPauseChanged(Subscriber subscriber, bool paused);
}
