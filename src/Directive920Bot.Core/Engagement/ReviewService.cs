using System.Globalization;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Engagement.EngagementTexts;

namespace Directive920Bot.Engagement;

/// <summary>
/// Spaced review: a question answered wrongly comes back after the curriculum's intervals (1, 3, 7 days by default; the
/// last repeats) until it is answered right; once a week a short review mixes the questions that are due.
/// A paused cadre gets none of them (the dispatcher skips review rows as it skips lessons); /resume queues the skipped
/// ones again.
/// </summary>
public sealed class ReviewService(
    IStorage storage,
    IReviews reviews,
    DeliveryLedger ledger,
    ContentService content,
    WorkingCalendar calendar,
    ISubscribers subscribers,
    BotClock clock) : IPauseObserver
{
    /// <summary>The dispatcher's reason for a row not sent because its cadre paused.</summary>
    public const string PausedReason = "paused";

    private readonly Lock gate = new();

    /// <summary>In the transaction of the answer: its review schedule commits with it (ledger writes join it too).</summary>
    public void OnAnswered(ITransaction tx, QuizAnswer answer, DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(row);
        lock (gate)
        {
            var id = ReviewItem.IdFor(answer.SubscriberId, answer.ItemId, answer.QuestionId);
            var item = reviews.Find(id);
            var now = clock.UtcNow.UtcDateTime;
            if (answer.Correct)
            {
                if (item is { Resolved: false })
                {
                    item.Resolved = true;
                    item.ResolvedAt = now;
                    item.UpdatedAt = now;
                    if (item.PendingDeliveryId is { } pending && pending != row.Id)
                    {
                        ledger.Skip(tx, pending, "answered right");
                    }

                    item.PendingDeliveryId = null;
                    reviews.Save(tx, item);
                }

                return;
            }

            item ??= new ReviewItem { Id = id, SubscriberId = answer.SubscriberId, ItemId = answer.ItemId, QuestionId = answer.QuestionId };
            item.UnitCode = answer.UnitCode;
            item.Resolved = false;
            item.ResolvedAt = null;
            item.WrongCount++;
            var intervals = content.Current.Curriculum.ReviewIntervalsDays;
            var days = intervals.Count == 0 ? 1 : intervals[Math.Min(item.WrongCount - 1, intervals.Count - 1)];
            var due = calendar.NextOpen(new DateTimeOffset(now).AddDays(days)).UtcDateTime;
            item.NextDueAt = due;
            item.UpdatedAt = now;
            var rowId = $"rv{item.WrongCount}:{answer.SubscriberId}:{answer.ItemId}:{answer.QuestionId}";
            var to = new DeliveryRecipient(answer.SubscriberId, row.Language, row.UnitCode, row.Role);
            if (ReviewRow(rowId, $"rv{item.WrongCount}:{answer.ItemId}:{answer.QuestionId}", to, answer.ItemId, answer.QuestionId, due, weekly: false) is { } review)
            {
                // One review row per question at a time: a wrong answer elsewhere (another copy of the lesson, the weekly
                // review, an old review message) supersedes the one still waiting.
                if (item.PendingDeliveryId is { } waiting && waiting != rowId)
                {
                    ledger.Skip(tx, waiting, "superseded");
                }

                ledger.Enqueue(tx, [review]);
                item.PendingDeliveryId = rowId;
            }

            reviews.Save(tx, item);
        }
    }

    /// <summary>
    /// On /resume: each open question whose review was skipped while paused comes back at its due time, or at the next
    /// open moment if that has passed. Weekly-review rows skipped while paused are not repeated; the next weekly review
    /// mixes those questions anyway.
    /// </summary>
    public void OnPauseChanged(Subscriber subscriber, bool paused)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (paused)
        {
            return;
        }

        // On the writer, like OnAnswered: the gate is only ever taken there, so it never waits on a thread that waits
        // for the writer. The ledger's writes are part of this transaction.
        storage.Write(tx =>
        {
            lock (gate)
            {
                var now = clock.UtcNow;
                foreach (var item in reviews.OpenFor(subscriber.Id))
                {
                    if (item.PendingDeliveryId is { } pending && ledger.Find(pending) is { State: DeliveryState.Skipped, LastError: PausedReason } row)
                    {
                        var open = calendar.NextOpen(now).UtcDateTime;
                        ledger.Requeue(tx, row.Id, item.NextDueAt > open ? item.NextDueAt : open);
                    }
                }
            }
        });
    }

    /// <summary>
    /// Enqueues the weekly review once per week at the curriculum's day and time: up to <c>WeeklyReviewQuestions</c> of each
    /// subscriber's open questions that are due by then. Returns the rows enqueued.
    /// </summary>
    public int RunWeekly(DateTimeOffset now)
    {
        var curriculum = content.Current.Curriculum;
        var local = clock.ToLocal(now);
        var daysBack = ((int)local.DayOfWeek - (int)curriculum.WeeklyReviewDay + 7) % 7;
        var slotLocal = local.Date.AddDays(-daysBack) + curriculum.WeeklyReviewTime.ToTimeSpan();
        if (slotLocal > local)
        {
            slotLocal = slotLocal.AddDays(-7);
        }

        var slot = clock.ToUtc(slotLocal);
        // A service that was down for days does not send a stale weekly review.
        if (now - slot > TimeSpan.FromDays(1) || curriculum.WeeklyReviewQuestions <= 0)
        {
            return 0;
        }

        var slotKey = slotLocal.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (reviews.LastWeeklySlot() == slotKey)
        {
            return 0;
        }

        var rows = new List<DeliveryRow>();
        var due = calendar.NextOpen(now).UtcDateTime;
        foreach (var group in reviews.Open().Where(r => r.NextDueAt <= slot.UtcDateTime).GroupBy(r => r.SubscriberId))
        {
            var subscriber = subscribers.Find(group.Key);
            if (subscriber is null || !subscriber.IsReachable || subscriber.Paused)
            {
                continue;
            }

            var occurrence = $"wk{slotKey}";
            foreach (var item in group.OrderBy(r => r.NextDueAt).Take(curriculum.WeeklyReviewQuestions))
            {
                // Several questions per person in one weekly occurrence: the question follows the usual id.
                var id = $"{DeliveryRows.IdFor(occurrence, subscriber.Id)}:{item.ItemId}:{item.QuestionId}";
                var row = ReviewRow(id, occurrence, DeliveryRecipient.Of(subscriber), item.ItemId, item.QuestionId, due, weekly: true);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }

        // The rows and the slot commit together (the ledger's insert joins this transaction).
        return storage.Write(tx =>
        {
            var added = rows.Count == 0 ? 0 : ledger.Enqueue(tx, rows);
            reviews.SetLastWeeklySlot(tx, slotKey);
            return added;
        });
    }

    /// <remarks>The ids are given: a review question's row is keyed by its question (the review item points at it), and
    /// stored rows keep those ids.</remarks>
    private DeliveryRow? ReviewRow(string id, string occurrence, DeliveryRecipient to, string itemId, string questionId, DateTime dueAt, bool weekly)
    {
        var language = to.Language;
        var item = content.Current.Find(itemId);
        var question = item?.For(language).Quiz.FirstOrDefault(q => q.Id == questionId);
        if (item is null || question is null)
        {
            return null;
        }

        var title = TelegramHtml.Escape(item.For(language).Title);
        var header = weekly ? WeeklyHeader.Format(language, title) : ReviewHeader.Format(language, title);
        return DeliveryRows.For(occurrence, to, DeliveryKind.Review, dueAt, clock.UtcNow.UtcDateTime, id: id,
            itemId: itemId,
            contentHash: item.ContentHash,
            html: QuizService.QuestionHtml(header, question, language, QuizService.OrderFor(to.SubscriberId, itemId, question)),
            payload: $"{itemId}|{questionId}");
    }
}
