using System.Globalization;

namespace Directive920Bot.Delivery;

/// <summary>
/// The one place ledger rows are made. It owns what every row must agree on — the id convention
/// (<c>{occurrence}:{subscriberId}</c>, which makes enqueuing idempotent), the recipient fields copied together, the
/// initial state and the times in UTC — so the services that enqueue rows state only what is theirs.
/// </summary>
public static class DeliveryRows
{
    /// <summary>The ledger id of <paramref name="subscriberId"/>'s row of an occurrence.</summary>
    public static string IdFor(string occurrenceId, long subscriberId) =>
        string.Create(CultureInfo.InvariantCulture, $"{occurrenceId}:{subscriberId}");

    /// <summary>A new row of <paramref name="occurrenceId"/> for <paramref name="to"/>: pending, or skipped from the start.</summary>
    /// <param name="dueAt">The earliest send time; made UTC.</param>
    /// <param name="now">When the row is made (its created and updated times, made UTC); null leaves both for the
    /// ledger to stamp when it stores the row.</param>
    /// <param name="id">Only for rows whose ids do not follow the convention and are already stored under them (a row
    /// that is an occurrence of its own, a review question's row); null gives <see cref="IdFor"/>.</param>
    /// <param name="skipReason">Not null: the row is recorded as skipped with this reason and never sent.</param>
    public static DeliveryRow For(
        string occurrenceId,
        DeliveryRecipient to,
        DeliveryKind kind,
        DateTime dueAt,
        DateTime? now = null,
        string? id = null,
        string? campaignId = null,
        string? itemId = null,
        string? contentHash = null,
        string? html = null,
        string? payload = null,
        bool requireAck = false,
        int priority = 0,
        string? skipReason = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(occurrenceId);
        var made = now is { } n ? Utc(n) : default;
        return new DeliveryRow
        {
            Id = id ?? IdFor(occurrenceId, to.SubscriberId),
            OccurrenceId = occurrenceId,
            CampaignId = campaignId,
            SubscriberId = to.SubscriberId,
            Kind = kind,
            ItemId = itemId,
            ContentHash = contentHash,
            Html = html,
            Payload = payload,
            Language = to.Language,
            RequireAck = requireAck,
            UnitCode = to.UnitCode,
            Role = to.Role,
            State = skipReason is null ? DeliveryState.Pending : DeliveryState.Skipped,
            LastError = skipReason,
            DueAt = Utc(dueAt),
            Priority = priority,
            CreatedAt = made,
            UpdatedAt = made,
        };
    }

    // The ledger's instants are UTC, and the due queue compares them with the clock's UTC time whatever their kind.
    // A local time is converted; an unspecified one is taken as UTC (as the track reads stored times), never shifted
    // by the machine's zone.
    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
