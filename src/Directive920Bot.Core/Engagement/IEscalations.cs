using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>
/// Reminder bookkeeping (<see cref="AckWatch"/>), the escalations it produces, and the attention set: the deliveries
/// whose acknowledgement must touch their watch at once (see <see cref="AttentionSet"/>).
/// </summary>
public interface IEscalations
{
    /// <summary>True when acknowledging this delivery must skip a waiting reminder or resolve an escalation.</summary>
    bool NeedsAttentionOnAcknowledgement(string deliveryId);

    /// <summary>Called before a reminder is queued or an escalation written for the delivery.</summary>
    void NeedAttention(string deliveryId);

    /// <summary>Called once no reminder waits and no escalation is open for the delivery (after that is committed).</summary>
    void AttentionDone(string deliveryId);

    /// <summary>Open escalations (not acknowledged since) of these units: the digest's non-acknowledgement list.</summary>
    IReadOnlyList<Escalation> OpenForUnits(IReadOnlyCollection<string> unitCodes);

    IReadOnlyList<Escalation> Open();

    IReadOnlyList<Escalation> ForSubscriber(long subscriberId);

    Escalation? Find(string deliveryId);

    AckWatch? FindWatch(string deliveryId);

    /// <summary>Watches not done whose next step is due by <paramref name="nowUtc"/>.</summary>
    IReadOnlyList<AckWatch> DueWatches(DateTime nowUtc);

    /// <summary>Watches whose last reminder row may still be pending.</summary>
    IReadOnlyList<AckWatch> WithPendingReminder();

    /// <summary>Adds the watch unless one exists for its delivery; false when it did.</summary>
    bool AddWatch(ITransaction tx, AckWatch watch);

    void SaveWatch(ITransaction tx, AckWatch watch);

    /// <summary>Adds the escalation unless one exists for its delivery; false when it did.</summary>
    bool AddEscalation(ITransaction tx, Escalation escalation);

    /// <summary>Marks the delivery's open escalation resolved at <paramref name="atUtc"/> (nothing when none is open).</summary>
    void Resolve(ITransaction tx, string deliveryId, DateTime atUtc);

    /// <summary>Up to when sent rows were looked at for new watches (UTC), or null before the first reminder run.</summary>
    DateTime? ReminderWatermark();

    void SetReminderWatermark(ITransaction tx, DateTime nowUtc);

    /// <summary>Watches are deleted; escalations move to their delivery's pseudonym (re-keyed with the relinked delivery).</summary>
    void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms);
}
