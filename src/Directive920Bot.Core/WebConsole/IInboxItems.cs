using Directive920Bot.Engagement;
using Directive920Bot.Questions;

namespace Directive920Bot.WebConsole;

/// <summary>
/// The rows of Ý kiến / Feedback: feedback and unanswered questions together with their handled marks, filtered, ordered
/// (day newest first, then kind, then id in ordinal order) and paged by the store, with the count of every matching row.
/// </summary>
public interface IInboxItems
{
    /// <summary>
    /// Page <paramref name="page"/> (1-based, clamped to the last page) of <paramref name="pageSize"/> rows of what
    /// <paramref name="query"/> selects, and how many rows it selects in all.
    /// </summary>
    InboxItemsPage Page(InboxQuery query, int page, int pageSize);
}

/// <param name="UnitCodes">Null: everything (a bloc admin); else named feedback and questions of these units only.</param>
/// <param name="From">First day shown (inclusive): the local day of named feedback in <paramref name="Zone"/>, the kept
/// date of anonymous feedback (UTC midnight) and of a question (local midnight).</param>
/// <param name="To">Last day shown (inclusive).</param>
/// <param name="Handled">True: handled only; false: not handled only; null: both.</param>
/// <param name="Kind"><see cref="FeedbackInbox.FeedbackKind"/>, <see cref="FeedbackInbox.QuestionKind"/> or null for both.</param>
public sealed record InboxQuery(IReadOnlyCollection<string>? UnitCodes, DateOnly From, DateOnly To, TimeZoneInfo Zone, bool? Handled, string? Kind)
{
    /// <summary>The named feedback's day in <see cref="Zone"/>, an anonymous one's kept UTC date.</summary>
    public DateOnly DayOf(Feedback item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var utc = DateTime.SpecifyKind(item.CreatedAt, DateTimeKind.Utc);
        return DateOnly.FromDateTime(item.Anonymous ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
    }

    /// <summary>UTC bounds [lo, hi) that hold every feedback instant of the days asked for, named or anonymous.</summary>
    public (DateTime Lo, DateTime Hi) FeedbackBounds()
    {
        var localLo = TimeZoneInfo.ConvertTimeToUtc(From.ToDateTime(TimeOnly.MinValue), Zone);
        var localHi = TimeZoneInfo.ConvertTimeToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);
        var utcLo = DateTime.SpecifyKind(From.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var utcHi = DateTime.SpecifyKind(To.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        return (localLo < utcLo ? localLo : utcLo, localHi > utcHi ? localHi : utcHi);
    }

    /// <summary>Bounds [lo, hi) of a question's kept date (local midnight, stored as a UTC value).</summary>
    public (DateTime Lo, DateTime Hi) QuestionBounds() =>
        (DateTime.SpecifyKind(From.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc), DateTime.SpecifyKind(To.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc));
}

/// <summary>One row: exactly one of <paramref name="Feedback"/> and <paramref name="Question"/> is set.</summary>
/// <param name="HandledAt">UTC instant of its handled mark; null when not handled.</param>
public sealed record InboxItem(string Kind, string Id, DateOnly Day, Feedback? Feedback, UnansweredQuestion? Question, DateTime? HandledAt);

/// <param name="Page">The page returned (the one asked for, clamped to 1…<see cref="Pages"/>).</param>
public sealed record InboxItemsPage(IReadOnlyList<InboxItem> Items, int Total, int Page, int Pages)
{
    /// <summary>The number of pages (at least one) and the asked page clamped to them, and the rows to skip.</summary>
    public static (int Page, int Pages, int Skip) Clamp(int total, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pages = (int)Math.Max(1, (total + (long)pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pages);
        return (current, pages, (int)Math.Min(int.MaxValue, (current - 1L) * pageSize));
    }
}
