using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Storage.LiteDb.Engagement;
using Directive920Bot.Storage.LiteDb.Questions;
using Directive920Bot.WebConsole;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

/// <summary>
/// The feedback page's rows on LiteDB: each collection is read through its date index (and the unit index when scoped),
/// the handled marks are joined here, and only then is the list ordered and cut to the page asked for.
/// </summary>
internal sealed class LiteDbInboxItems(Database db) : IInboxItems
{
    // Above this many candidates one read of every mark is cheaper than a look-up per candidate.
    private const int MarkLookUps = 200;

    public InboxItemsPage Page(InboxQuery query, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<InboxItem>();
        if (query.Kind is null or FeedbackInbox.FeedbackKind)
        {
            var (lo, hi) = query.FeedbackBounds();
            var when = Query.And(Query.GTE(nameof(Feedback.CreatedAt), lo), Query.LT(nameof(Feedback.CreatedAt), hi));
            var feedback = db.Collection<Feedback>(LiteDbFeedback.CollectionName);
            var items = query.UnitCodes is null ? feedback.Find(when)
                : feedback.Find(Query.And(Query.In(nameof(Feedback.UnitCode), query.UnitCodes.Select(c => new BsonValue(c))), when))
                    .Where(f => !f.Anonymous);
            found.AddRange(items.Select(f => new InboxItem(FeedbackInbox.FeedbackKind, f.Id, query.DayOf(f), f, null, null))
                .Where(i => i.Day >= query.From && i.Day <= query.To));
        }

        if (query.Kind is null or FeedbackInbox.QuestionKind)
        {
            var (lo, hi) = query.QuestionBounds();
            var when = Query.And(Query.GTE(nameof(UnansweredQuestion.AskedOn), lo), Query.LT(nameof(UnansweredQuestion.AskedOn), hi));
            var questions = db.Collection<UnansweredQuestion>(LiteDbUnansweredQuestions.CollectionName);
            var items = query.UnitCodes is null ? questions.Find(when)
                : questions.Find(Query.And(Query.In(nameof(UnansweredQuestion.UnitCode), query.UnitCodes.Select(c => new BsonValue(c))), when));
            found.AddRange(items.Select(q => new InboxItem(FeedbackInbox.QuestionKind, q.Id, DateOnly.FromDateTime(q.AskedOn), null, q, null)));
        }

        var marks = Marks(found);
        var selected = found
            .Select(i => marks.TryGetValue(i.Kind + ":" + i.Id, out var at) ? i with { HandledAt = at } : i)
            .Where(i => query.Handled is null || (i.HandledAt is not null) == query.Handled)
            .ToList();
        var (current, pages, skip) = InboxItemsPage.Clamp(selected.Count, page, pageSize);
        var shown = selected
            .OrderByDescending(i => i.Day).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Skip(skip).Take(pageSize).ToList();
        return new InboxItemsPage(shown, selected.Count, current, pages);
    }

    private Dictionary<string, DateTime> Marks(List<InboxItem> items)
    {
        var collection = db.Collection<HandledMark>(LiteDbHandledMarks.CollectionName);
        var marks = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        if (items.Count > MarkLookUps)
        {
            foreach (var mark in collection.FindAll())
            {
                marks[mark.Id] = DateTime.SpecifyKind(mark.At, DateTimeKind.Utc);
            }

            return marks;
        }

        foreach (var item in items)
        {
            if (collection.FindById(item.Kind + ":" + item.Id) is { } mark)
            {
                marks[mark.Id] = DateTime.SpecifyKind(mark.At, DateTimeKind.Utc);
            }
        }

        return marks;
    }
}
