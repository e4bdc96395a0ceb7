using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>One row of the delivery ledger: one message to one subscriber for one occurrence.</summary>
public sealed class DeliveryRow
{
    /// <summary>The unique key: <c>{OccurrenceId}:{SubscriberId}</c>. Enqueuing the same id twice stores it once.</summary>
    public string Id { get; set; } = "";

    /// <summary>A campaign occurrence (<c>c:{campaignId}:{n}</c>), a track step (<c>t:{itemId}</c>), a reminder (<c>r{n}:{deliveryId}</c>)…</summary>
    public string OccurrenceId { get; set; } = "";

    public string? CampaignId { get; set; }

    /// <summary>
    /// The person the row goes to. No chat id or address is stored: the dispatcher resolves the person's preferred address
    /// through the person directory when it sends (<see cref="Channels.ChannelSenders"/>), so a row queued before the
    /// person linked or preferred another channel goes where they can be reached now, and the address stays the one
    /// source; <see cref="Channel"/> records where each send actually went.
    /// </summary>
    public long SubscriberId { get; set; }

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

    /// <summary>The channel the last attempt went out on (<c>telegram</c>, later <c>zalo</c>), as the adapter reported it; null before one.</summary>
    public string? Channel { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Parts of a split message already sent, so that a retry continues where it stopped.</summary>
    public int PartsSent { get; set; }
}
