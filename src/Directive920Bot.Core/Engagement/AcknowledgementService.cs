using Directive920Bot.Storage;
using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;

namespace Directive920Bot.Engagement;

/// <summary>Records "I have read it and commit to it" once, and builds the buttons that ask for it.</summary>
public sealed class AcknowledgementService(
    DeliveryLedger ledger,
    IAcknowledgements acks,
    IQuizAnswers answers,
    IEscalations escalations,
    ContentService content,
    WorkingCalendar calendar,
    EngagementPolicyResolver policies,
    CallbackKeyStore keys,
    IEnumerable<IEngagementObserver> observers,
    BotClock clock,
    IStorage storage,
    ILogger<AcknowledgementService> log)
{
    public const string AckAction = "eng.ack";
    public const string QuizAction = "eng.quiz";

    /// <summary>What is acknowledged: the item, or the campaign occurrence of a free-text announcement.</summary>
    public static string SubjectOf(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ItemId ?? row.OccurrenceId;
    }

    public static string HashOf(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return KeyHash(row.ContentHash);
    }

    /// <summary>The row an acknowledgement button on <paramref name="row"/> stands for (a reminder stands for the row it reminds of).</summary>
    public static string TargetOf(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind == DeliveryKind.Reminder && !string.IsNullOrEmpty(row.Payload) ? row.Payload : row.Id;
    }

    public DeliveryRow? Row(string deliveryId) => ledger.Find(deliveryId);

    public Acknowledgement? Find(DeliveryRow row) => acks.Find(Acknowledgement.IdFor(row.SubscriberId, SubjectOf(row), HashOf(row)));

    /// <summary>The acknowledgement of <paramref name="subject"/> (see <see cref="SubjectOf"/>) at a content hash, for
    /// callers that know these without the row, like a reminder's watch.</summary>
    public Acknowledgement? Find(long subscriberId, string subject, string? contentHash) =>
        acks.Find(Acknowledgement.IdFor(subscriberId, subject, KeyHash(contentHash)));

    /// <summary>The first reminder's deadline: <c>ReminderAfterWorkingHours</c> working hours after it was sent.</summary>
    public DateTime DeadlineFor(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sent = row.SentAt ?? row.DueAt;
        var hours = policies.For(row).ReminderAfterWorkingHours;
        return calendar.AddWorkingHours(new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)), TimeSpan.FromHours(hours)).UtcDateTime;
    }

    /// <summary>True when the lesson's quiz must be answered before the button unlocks and some question is still open.</summary>
    public bool NeedsQuizFirst(DeliveryRow row, ContentItem? item)
    {
        ArgumentNullException.ThrowIfNull(row);
        return item is not null && policies.For(row).RequireQuizBeforeAck && !QuizAnswered(row, item);
    }

    /// <summary>True when every question of the item (none counts as all) has an answer from this delivery.</summary>
    public bool QuizAnswered(DeliveryRow row, ContentItem? item)
    {
        ArgumentNullException.ThrowIfNull(row);
        var quiz = item?.For(row.Language).Quiz ?? [];
        if (quiz.Count == 0)
        {
            return true;
        }

        var answered = answers.ForDelivery(row.Id).Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        return quiz.All(q => answered.Contains(q.Id));
    }

    /// <summary>The button row for a message that carries <paramref name="target"/> (or nothing once it is acknowledged).</summary>
    public IReadOnlyList<OutboundButton>? ButtonsFor(DeliveryRow target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Find(target) is not null)
        {
            return null;
        }

        var item = target.ItemId is null ? null : content.Current.Find(target.ItemId);
        return NeedsQuizFirst(target, item)
            ? [new OutboundButton(EngagementTexts.QuizFirstButton.For(target.Language), keys.Issue(target.SubscriberId, QuizAction, target.Id))]
            : [new OutboundButton(AckLabel(target, item).For(target.Language), keys.Issue(target.SubscriberId, AckAction, target.Id))];
    }

    /// <summary>
    /// A tin thông báo (an admin's announcement, e.g. a party-cell meeting) confirms receipt, not a commitment to carry out the
    /// notice: its button says "Đã nhận thông báo". Only the label differs; the stored acknowledgement is the same record.
    /// </summary>
    public static Loc AckLabel(DeliveryRow target, ContentItem? item)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == DeliveryKind.Announcement || item?.Kind == ItemKind.Announcement
            ? EngagementTexts.ReceivedButton
            : EngagementTexts.AckButton;
    }

    /// <summary>
    /// Checks the press against committed data on the caller's thread, then records the acknowledgement on the database
    /// writer: the record, a skipped waiting reminder and the report counters commit together, with other presses of
    /// the same moment (one commit for many cadres). The task completes after the commit, so the cadre is answered only
    /// once it is durable. A repeated press fails on the stored record's id there and writes nothing.
    /// </summary>
    public async Task<AckOutcome> AcknowledgeAsync(long presserId, string deliveryId)
    {
        var checkedPress = Check(presserId, deliveryId);
        if (checkedPress.Outcome is { } early)
        {
            return early;
        }

        var (row, ack) = (checkedPress.Row!, checkedPress.Acknowledgement!);
        try
        {
            return await storage.WriteAsync(tx => Record(tx, row, ack));
        }
        catch (DuplicateKeyException)
        {
            // Pressed again (a double tap, an old copy) after the first press was recorded: nothing more to write.
            return new AckOutcome(AckResult.AlreadyRecorded, acks.Find(ack.Id) ?? ack, row);
        }
    }

    private (AckOutcome? Outcome, DeliveryRow? Row, Acknowledgement? Acknowledgement) Check(long presserId, string deliveryId)
    {
        var row = ledger.Find(deliveryId);
        if (row is null)
        {
            return (new AckOutcome(AckResult.DeliveryMissing), null, null);
        }

        if (row.SubscriberId != presserId)
        {
            return (new AckOutcome(AckResult.NotYours, Row: row), null, null);
        }

        ContentItem? item = null;
        if (row.ItemId is not null && (item = content.Current.Find(row.ItemId)) is null)
        {
            return (new AckOutcome(AckResult.ItemDeleted, Row: row), null, null);
        }

        // A press already recorded is found by the writer's insert-if-absent; it is looked up here only when the quiz
        // gate would otherwise refuse it (a first press is the common case, and needs no extra read).
        var id = Acknowledgement.IdFor(row.SubscriberId, SubjectOf(row), HashOf(row));
        if (NeedsQuizFirst(row, item))
        {
            return acks.Find(id) is { } existing
                ? (new AckOutcome(AckResult.AlreadyRecorded, existing, row), null, null)
                : (new AckOutcome(AckResult.QuizFirst, Row: row), null, null);
        }

        var now = clock.UtcNow.UtcDateTime;
        var deadline = DeadlineFor(row);
        return (null, row, new Acknowledgement
        {
            Id = id,
            SubscriberId = row.SubscriberId,
            ItemId = row.ItemId,
            Subject = SubjectOf(row),
            ContentHash = HashOf(row),
            DeliveryId = row.Id,
            CampaignId = row.CampaignId,
            UnitCode = row.UnitCode,
            Role = row.Role,
            DeliveredAt = row.SentAt ?? row.CreatedAt,
            Deadline = deadline,
            AcknowledgedAt = now,
            OnTime = now <= deadline,
            Reacknowledgement = row.Payload == ReackService.Payload,
        });
    }

    /// <summary>
    /// The writes of an acknowledgement. The insert does not look first: a press is nearly always the first, and a
    /// repeated one fails on the taken id (<see cref="DuplicateKeyException"/>), which rolls back its transaction.
    /// </summary>
    private AckOutcome Record(ITransaction tx, DeliveryRow row, Acknowledgement ack)
    {
        acks.InsertNew(tx, ack);
        AfterAcknowledged(tx, row, ack);
        return new AckOutcome(AckResult.Recorded, ack, row);
    }

    /// <summary>"08:15 ngày 01/12/2026" in the bot's zone (<see cref="Dates.At"/>).</summary>
    public string LocalStamp(DateTime utc, string language) => Dates.At(clock.ToLocal(utc), language);

    private void AfterAcknowledged(ITransaction tx, DeliveryRow row, Acknowledgement ack)
    {
        // Reminders stop at once: a reminder still waiting in the ledger is skipped and the watch closes. An escalation
        // exists only for a watch that ended "escalated" (both are written in one transaction). Without either, the
        // watch is left for the next reminder tick to close (it sees this acknowledgement): no read here.
        if (escalations.NeedsAttentionOnAcknowledgement(row.Id) && escalations.FindWatch(row.Id) is { } watch)
        {
            var escalated = watch.DoneReason == ReminderService.Escalated;
            if (watch.PendingReminderId is { } pending)
            {
                // The ledger's write joins this transaction (it runs on the writer that runs this work).
                ledger.Skip(tx, pending, "acknowledged");
                watch.PendingReminderId = null;
            }

            watch.Done = true;
            watch.DoneReason = "acknowledged";
            escalations.SaveWatch(tx, watch);
            if (escalated)
            {
                escalations.Resolve(tx, row.Id, ack.AcknowledgedAt);
            }

            tx.AfterCommit(() => escalations.AttentionDone(row.Id));
        }

        foreach (var observer in observers)
        {
            try
            {
                observer.OnAcknowledged(tx, ack);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not Storage.StorageConflictException)
            {
                // One observer's bug must not undo a recorded acknowledgement or starve the others.
                log.LogError(ex, "Engagement observer {Observer} failed on an acknowledgement", observer.GetType().Name);
            }
        }
    }

    // A row without a content hash (a free-text announcement) is acknowledged under "-", in the id and the stored hash alike.
    private static string KeyHash(string? contentHash) => string.IsNullOrEmpty(contentHash) ? "-" : contentHash;
}
