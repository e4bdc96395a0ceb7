using System.Net;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>
/// Reminders and escalation. Each sent row that asks for an acknowledgement is watched; when it is still not acknowledged
/// <c>ReminderAfterWorkingHours</c> working hours later a reminder row is enqueued (inside the sending window), at most
/// <c>MaxReminders</c> times; after the last reminder's deadline it is escalated to the unit's non-acknowledgement list.
/// Acknowledging, pausing or unsubscribing stops it at once (a pending reminder row is skipped).
/// </summary>
public sealed class ReminderService(
    IStorage storage,
    DeliveryLedger ledger,
    IEscalations store,
    AcknowledgementService acknowledgements,
    EngagementPolicyResolver policies,
    ISubscribers subscribers,
    ContentService content,
    WorkingCalendar calendar,
    ReviewService review,
    IEnumerable<IEscalationSink> sinks,
    ILogger<ReminderService> log) : IDisposable
{
    /// <summary>The watch's end when reminders ran out and the delivery went onto the unit's non-acknowledgement list.</summary>
    public const string Escalated = "escalated";
    private static readonly TimeSpan Overlap = TimeSpan.FromHours(1);
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(60);
    // New watches are written this many to a transaction: one commit for many, without one huge transaction after a
    // long downtime.
    private const int WatchBatch = 256;
    // One run at a time: the Quartz tick and a test or CLI call may overlap.
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>One tick: watch newly sent rows, cancel reminders that are no longer wanted, send due reminders, escalate.</summary>
    public async Task<ReminderRun> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var watched = Discover(now.UtcDateTime);
            var cancelled = CancelUnwanted();
            var (reminded, escalated) = Advance(now, ct);
            var weekly = review.RunWeekly(now);
            return new ReminderRun(watched, reminded, cancelled, escalated, weekly);
        }
        finally
        {
            gate.Release();
        }
    }

    private int Discover(DateTime nowUtc)
    {
        var from = store.ReminderWatermark() is { } mark ? mark - Overlap : nowUtc - FirstLookBack;
        var watches = new List<AckWatch>();
        foreach (var kind in new[] { DeliveryKind.Lesson, DeliveryKind.Announcement })
        {
            // Stored instants keep milliseconds: one more makes "sent now" part of this tick.
            foreach (var row in ledger.SentBetween(kind, from, nowUtc.AddMilliseconds(1)))
            {
                if (!row.RequireAck || row.State != DeliveryState.Sent || row.SentAt is null || store.FindWatch(row.Id) is not null)
                {
                    continue;
                }

                var policy = policies.For(row);
                var acknowledged = acknowledgements.Find(row) is not null;
                watches.Add(new AckWatch
                {
                    Id = row.Id,
                    SubscriberId = row.SubscriberId,
                    ItemId = row.ItemId,
                    Subject = AcknowledgementService.SubjectOf(row),
                    CampaignId = row.CampaignId,
                    UnitCode = row.UnitCode,
                    Language = row.Language,
                    SentAt = row.SentAt.Value,
                    MaxReminders = policy.MaxReminders,
                    AfterWorkingHours = policy.ReminderAfterWorkingHours,
                    NextAt = acknowledgements.DeadlineFor(row),
                    Done = acknowledged,
                    DoneReason = acknowledged ? "acknowledged" : null,
                });
            }
        }

        var added = 0;
        foreach (var chunk in watches.Chunk(WatchBatch))
        {
            added += storage.Write(tx => chunk.Count(w => store.AddWatch(tx, w)));
        }

        storage.Write(tx => store.SetReminderWatermark(tx, nowUtc));
        return added;
    }

    private int CancelUnwanted()
    {
        var cancelled = 0;
        foreach (var watch in store.WithPendingReminder())
        {
            var reminder = ledger.Find(watch.PendingReminderId!);
            if (reminder is null || reminder.State != DeliveryState.Pending)
            {
                watch.PendingReminderId = null;
                storage.Write(tx => store.SaveWatch(tx, watch));
                ReminderGone(watch);
                continue;
            }

            var reason = StopReason(watch);
            if (reason is not null)
            {
                watch.PendingReminderId = null;
                if (watch.DoneReason != Escalated)
                {
                    watch.Done = true;
                    watch.DoneReason = reason;
                }

                // The skip and the watch commit together (the ledger's write joins this transaction).
                cancelled += storage.Write(tx =>
                {
                    var skipped = ledger.Skip(tx, reminder.Id, reason);
                    store.SaveWatch(tx, watch);
                    return skipped;
                }) ? 1 : 0;
                ReminderGone(watch);
            }
        }

        return cancelled;
    }

    /// <summary>
    /// No reminder waits for the watch any more. An escalated watch keeps its place in the attention set: the open
    /// escalation must still be resolved by the acknowledgement, even when its last reminder is sent after it opened.
    /// </summary>
    private void ReminderGone(AckWatch watch)
    {
        if (watch.DoneReason != Escalated)
        {
            store.AttentionDone(watch.Id);
        }
    }

    private (int Reminded, int Escalated) Advance(DateTimeOffset now, CancellationToken ct)
    {
        var reminded = 0;
        var escalated = 0;
        foreach (var watch in store.DueWatches(now.UtcDateTime))
        {
            ct.ThrowIfCancellationRequested();
            var reason = StopReason(watch);
            if (reason is not null)
            {
                var pending = watch.PendingReminderId;
                watch.PendingReminderId = null;
                watch.Done = true;
                watch.DoneReason = reason;
                storage.Write(tx =>
                {
                    if (pending is not null)
                    {
                        ledger.Skip(tx, pending, reason);
                    }

                    store.SaveWatch(tx, watch);
                });
                store.AttentionDone(watch.Id);
                continue;
            }

            var original = ledger.Find(watch.Id);
            if (original is null)
            {
                watch.Done = true;
                watch.DoneReason = "delivery gone";
                storage.Write(tx => store.SaveWatch(tx, watch));
                continue;
            }

            // The next deadline counts from now when a tick comes late, so a service that was down does not fire two at once.
            var basis = now > new DateTimeOffset(DateTime.SpecifyKind(watch.NextAt, DateTimeKind.Utc)) + TimeSpan.FromMinutes(5) ? now : new DateTimeOffset(DateTime.SpecifyKind(watch.NextAt, DateTimeKind.Utc));
            if (watch.Step < watch.MaxReminders)
            {
                var step = watch.Step + 1;
                var row = ReminderRow(original, watch, step, now);
                var nextAt = calendar.AddWorkingHours(basis, TimeSpan.FromHours(watch.AfterWorkingHours)).UtcDateTime;
                // Marked first, so that an acknowledgement from now on skips this reminder at once; then, in one
                // transaction, a fresh look: an acknowledgement committed since StopReason read means no reminder.
                store.NeedAttention(watch.Id);
                var queued = storage.Write(tx =>
                {
                    if (acknowledgements.Find(original) is not null)
                    {
                        watch.Done = true;
                        watch.DoneReason = "acknowledged";
                        store.SaveWatch(tx, watch);
                        return false;
                    }

                    // The ledger's insert is part of this transaction.
                    ledger.Enqueue(tx, [row]);
                    watch.Step = step;
                    watch.PendingReminderId = row.Id;
                    watch.NextAt = nextAt;
                    store.SaveWatch(tx, watch);
                    return true;
                });
                reminded += queued ? 1 : 0;
                continue;
            }

            var escalation = new Escalation
            {
                Id = watch.Id,
                UnitCode = watch.UnitCode,
                SubscriberId = watch.SubscriberId,
                ItemId = watch.ItemId,
                Subject = watch.Subject,
                CampaignId = watch.CampaignId,
                DeliveredAt = watch.SentAt,
                Since = now.UtcDateTime,
            };
            watch.Done = true;
            watch.DoneReason = Escalated;
            // Marked first and written in one transaction after a fresh look: an acknowledgement committed since the
            // watch was read wins, and one that comes later finds the escalation to resolve.
            store.NeedAttention(watch.Id);
            if (storage.Write(tx =>
            {
                if (store.FindWatch(watch.Id) is not { Done: false } || acknowledgements.Find(original) is not null)
                {
                    return false;
                }

                store.SaveWatch(tx, watch);
                return store.AddEscalation(tx, escalation);
            }))
            {
                escalated++;
                foreach (var sink in sinks)
                {
                    try
                    {
                        sink.OnEscalated(escalation);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log.LogError(ex, "Escalation sink {Sink} failed", sink.GetType().Name);
                    }
                }
            }
        }

        return (reminded, escalated);
    }

    private string? StopReason(AckWatch watch)
    {
        if (acknowledgements.Find(watch.SubscriberId, watch.Subject, ledger.Find(watch.Id)?.ContentHash) is not null)
        {
            return "acknowledged";
        }

        var subscriber = subscribers.Find(watch.SubscriberId);
        if (subscriber is null || !subscriber.IsReachable)
        {
            return "unsubscribed";
        }

        if (subscriber.Paused)
        {
            return "paused";
        }

        return watch.ItemId is not null && content.Current.Find(watch.ItemId) is null ? "item withdrawn" : null;
    }

    private DeliveryRow ReminderRow(DeliveryRow original, AckWatch watch, int step, DateTimeOffset now)
    {
        var item = original.ItemId is null ? null : content.Current.Find(original.ItemId);
        var text = item?.For(original.Language);
        var html = text?.ReminderHtml is { Length: > 0 } reminder
            ? "🔔 " + reminder
            : EngagementTexts.ReminderFallback.Format(original.Language, TelegramHtml.Escape(text?.Title ?? FirstLine(original.Html)));
        // A reminder is an occurrence of its own, about one delivery: its id is its occurrence.
        var id = $"r{step}:{original.Id}";
        return DeliveryRows.For(id, DeliveryRecipient.Of(original), DeliveryKind.Reminder, calendar.NextOpen(now).UtcDateTime, now.UtcDateTime, id: id,
            campaignId: original.CampaignId,
            itemId: original.ItemId,
            contentHash: original.ContentHash,
            html: html,
            payload: original.Id,
            requireAck: true,
            priority: 10);
    }

    private static string FirstLine(string? html)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(html ?? "", "<[^>]+>", "");
        var line = WebUtility.HtmlDecode(plain.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "").Trim();
        return line.Length > 80 ? line[..80] + "…" : line;
    }
}
