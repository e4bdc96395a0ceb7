using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;

namespace Directive920Bot.Engagement;

/// <summary>The cadre's own view, computed from the ledger and the engagement stores (the same figures reports use).</summary>
public sealed class ProgressService(
    DeliveryLedger ledger,
    IAcknowledgements acks,
    IQuizAnswers answers,
    IReviews reviews,
    ContentService content,
    AcknowledgementService acknowledgements,
    BotClock clock)
{
    private static readonly DeliveryKind[] ItemKinds = [DeliveryKind.Lesson, DeliveryKind.Announcement];

    public ProgressSummary For(long subscriberId)
    {
        var rows = ledger.ForSubscriber(subscriberId);
        var lessons = rows.Where(r => r.Kind == DeliveryKind.Lesson && r.State == DeliveryState.Sent && r.ItemId is not null)
            .Select(r => r.ItemId!).ToHashSet(StringComparer.Ordinal);
        var mine = acks.ForSubscriber(subscriberId);
        var acknowledged = mine.Where(a => a.ItemId is not null && lessons.Contains(a.ItemId)).Select(a => a.ItemId!).Distinct(StringComparer.Ordinal).Count();
        var given = answers.ForSubscriber(subscriberId);
        return new ProgressSummary(lessons.Count, acknowledged, given.Count, given.Count(a => a.Correct), reviews.OpenFor(subscriberId).Count, Streak(rows, mine));
    }

    /// <summary>
    /// Consecutive on-time acknowledgements, newest first over the sent rows that asked for one; a row still inside its
    /// deadline does not break the streak, a late or missing acknowledgement does.
    /// </summary>
    private int Streak(IReadOnlyList<DeliveryRow> rows, IReadOnlyList<Acknowledgement> mine)
    {
        var byDelivery = mine.ToLookup(a => a.DeliveryId, StringComparer.Ordinal);
        var bySubject = mine.ToLookup(a => a.Subject, StringComparer.Ordinal);
        var now = clock.UtcNow.UtcDateTime;
        var streak = 0;
        foreach (var row in rows.Where(r => r.RequireAck && r.State == DeliveryState.Sent && ItemKinds.Contains(r.Kind)).OrderByDescending(r => r.SentAt))
        {
            var ack = byDelivery[row.Id].FirstOrDefault() ?? bySubject[AcknowledgementService.SubjectOf(row)].FirstOrDefault(a => a.ContentHash == AcknowledgementService.HashOf(row));
            if (ack is null)
            {
                if (now <= acknowledgements.DeadlineFor(row))
                {
                    continue;
                }

                break;
            }

            if (!ack.OnTime)
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    /// <summary>Items received (lessons, cards, announcements with an item), in curriculum order then by arrival.</summary>
    public IReadOnlyList<ReceivedLesson> Lessons(long subscriberId)
    {
        var catalog = content.Current;
        var mine = acks.ForSubscriber(subscriberId);
        var result = new List<ReceivedLesson>();
        foreach (var group in ledger.ForSubscriber(subscriberId)
                     .Where(r => ItemKinds.Contains(r.Kind) && r.ItemId is not null && r.State == DeliveryState.Sent)
                     .GroupBy(r => r.ItemId!, StringComparer.Ordinal))
        {
            var item = catalog.Find(group.Key);
            if (item is null)
            {
                continue;
            }

            var latest = group.OrderByDescending(r => r.SentAt).First();
            var itemAcks = mine.Where(a => a.ItemId == item.Id).OrderByDescending(a => a.AcknowledgedAt).ToList();
            var reackRow = group.FirstOrDefault(r => r.OccurrenceId == ReackService.OccurrenceFor(item.Id, item.ContentHash));
            var currentAck = itemAcks.FirstOrDefault(a => a.ContentHash == latest.ContentHash);
            var status = currentAck is not null ? LessonStatus.Acknowledged
                : reackRow is not null && itemAcks.Count > 0 ? LessonStatus.ReackRequested
                : LessonStatus.Waiting;
            result.Add(new ReceivedLesson(item, latest, status, currentAck ?? itemAcks.FirstOrDefault()));
        }

        var order = catalog.Track.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return result.OrderBy(l => order.GetValueOrDefault(l.Item.Id, int.MaxValue)).ThenBy(l => l.Delivery.SentAt).ToList();
    }
}
