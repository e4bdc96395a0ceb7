using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

/// <summary>
/// The drip curriculum: each reachable registered subscriber gets the track items meant for them (IsFor leader/staff)
/// one at a time, each on the next rhythm day and hour (curriculum days/time or the subscriber's preferred hour) after
/// the previous one was SENT. A late joiner starts at the first item; nobody gets a catching-up burst.
/// Paused subscribers get no new steps; a step skipped while paused or blocked is queued again after resume/unblock.
/// </summary>
public sealed class TrackService(
    IStorage storage,
    ITrackPositions positions,
    DeliveryLedger ledger,
    ISubscribers subscribers,
    ContentService content,
    WorkingCalendar calendar,
    BotClock clock,
    IOptions<DeliveryOptions> options,
    ILogger<TrackService> log)
{
    private readonly Lock gate = new();

    public static string RowId(string itemId, long subscriberId) => DeliveryRows.IdFor(OccurrenceOf(itemId), subscriberId);

    /// <summary>A track step is one occurrence per item, shared by everyone who gets it.</summary>
    public static string OccurrenceOf(string itemId) => $"t:{itemId}";

    public TrackPosition? PositionOf(long subscriberId) => positions.Find(subscriberId);

    /// <summary>
    /// One pass over every subscriber whose track may move (the Quartz tick; tests call it directly). Returns rows created
    /// or requeued. Unreachable and paused subscribers are not read at all: <see cref="AdvanceOne"/> would pass them over.
    /// </summary>
    public int Advance(CancellationToken ct = default)
    {
        if (!options.Value.TrackEnabled)
        {
            return 0;
        }

        var changed = 0;
        foreach (var subscriber in subscribers.ForTrack())
        {
            ct.ThrowIfCancellationRequested();
            changed += AdvanceOne(subscriber) ? 1 : 0;
        }

        return changed;
    }

    /// <summary>
    /// Moves one subscriber's track forward if a step is due to be planned; true when a row was created or requeued.
    /// Reads of the subscriber only what <see cref="ISubscribers.ForTrack"/> projects, and never saves it.
    /// </summary>
    public bool AdvanceOne(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!options.Value.TrackEnabled || !subscriber.IsReachable)
        {
            return false;
        }

        lock (gate)
        {
            var now = clock.UtcNow;
            var position = positions.Find(subscriber.Id) ?? new TrackPosition { Id = subscriber.Id };
            var row = position.CurrentRowId is { } rowId ? ledger.Find(rowId) : null;
            var catalog = content.Current;
            var curriculum = catalog.Curriculum;
            var time = subscriber.PreferredHour is { } hour and >= 0 and < 24 ? new TimeOnly(hour, 0) : curriculum.Time;
            ContentItem? next;
            DateTimeOffset due;
            switch (row?.State)
            {
                case null:
                    next = NextItem(catalog, subscriber, null);
                    due = calendar.NextRhythmSlot(now, curriculum.Days, time, inclusive: true);
                    break;
                case DeliveryState.Pending or DeliveryState.Sending:
                    return false;
                case DeliveryState.Sent:
                    next = NextItem(catalog, subscriber, row.ItemId);
                    var sentAt = new DateTimeOffset(DateTime.SpecifyKind(row.SentAt ?? row.UpdatedAt, DateTimeKind.Utc));
                    due = calendar.NextRhythmSlot(sentAt, curriculum.Days, time);
                    break;
                default:
                    // Skipped (paused), failed or blocked: try the same step again at the next rhythm slot once they can receive it.
                    if (subscriber.Paused)
                    {
                        return false;
                    }

                    return ledger.Requeue(row.Id, calendar.NextRhythmSlot(now, curriculum.Days, time, inclusive: true).UtcDateTime);
            }

            if (subscriber.Paused)
            {
                return false;
            }

            if (next is null)
            {
                if (!position.Completed)
                {
                    position.Completed = true;
                    position.UpdatedAt = now.UtcDateTime;
                    storage.Write(tx => positions.Save(tx, position));
                }

                return false;
            }

            // No creation time: the ledger stamps the row when it stores it, in the transaction below.
            var newRow = DeliveryRows.For(OccurrenceOf(next.Id), DeliveryRecipient.Of(subscriber), DeliveryKind.Lesson, due.UtcDateTime,
                itemId: next.Id, contentHash: next.ContentHash, requireAck: next.RequireAck);
            var added = storage.Write(tx =>
            {
                var inserted = ledger.InsertAbsent(tx, [newRow]);
                position.CurrentItemId = next.Id;
                position.CurrentRowId = newRow.Id;
                position.Completed = false;
                position.UpdatedAt = now.UtcDateTime;
                positions.Save(tx, position);
                return inserted;
            });
            ledger.Publish(added);
            if (added.Count > 0)
            {
                log.LogDebug("Track: {Item} planned for {Subscriber} at {Due:O}", next.Id, subscriber.Id, due);
            }

            return true;
        }
    }

    /// <summary>The first item meant for the subscriber after <paramref name="currentItemId"/> (from the start when null or no longer in the track).</summary>
    private ContentItem? NextItem(ContentCatalog catalog, Subscriber subscriber, string? currentItemId)
    {
        var track = catalog.Track;
        var index = currentItemId is null ? -1 : track.ToList().FindIndex(i => i.Id == currentItemId);
        if (currentItemId is not null && index < 0)
        {
            // The item left the track (content changed): continue with the first applicable step not planned yet.
            return track.FirstOrDefault(i => i.IsFor(subscriber.IsLeader) && ledger.Find(RowId(i.Id, subscriber.Id)) is null);
        }

        return track.Skip(index + 1).FirstOrDefault(i => i.IsFor(subscriber.IsLeader));
    }

    internal void Erase(ITransaction tx, long subscriberId) => positions.Delete(tx, subscriberId);
}
