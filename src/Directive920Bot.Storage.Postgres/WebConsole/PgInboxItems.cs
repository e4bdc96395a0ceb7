using System.Globalization;
using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.Postgres.WebConsole;

/// <summary>
/// The feedback page's rows on PostgreSQL: one statement joins <c>feedback</c> and <c>unanswered_questions</c> with
/// <c>console_handled</c>, filters by scope, day and handled, and returns one ordered page (a second counts the rows).
/// A named item's day is its local day in the bot's zone; anonymous feedback and questions keep a date (midnight).
/// </summary>
internal sealed class PgInboxItems(PostgresStorage db) : IInboxItems
{
    public InboxItemsPage Page(InboxQuery query, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scoped = query.UnitCodes is not null;
        var parts = new List<string>();
        if (query.Kind is null or FeedbackInbox.FeedbackKind)
        {
            parts.Add("""
                SELECT 'feedback' AS kind, id, CASE WHEN anonymous THEN (created_at AT TIME ZONE 'UTC')::date ELSE (created_at AT TIME ZONE @zone)::date END AS day, doc
                FROM feedback WHERE created_at >= @feedbackFrom AND created_at < @feedbackTo
                """ + (scoped ? " AND NOT anonymous AND unit_code = ANY (@codes)" : ""));
        }

        if (query.Kind is null or FeedbackInbox.QuestionKind)
        {
            parts.Add("""
                SELECT 'question' AS kind, id, (asked_on AT TIME ZONE 'UTC')::date AS day, doc
                FROM unanswered_questions WHERE asked_on >= @askedFrom AND asked_on < @askedTo
                """ + (scoped ? " AND unit_code = ANY (@codes)" : ""));
        }

        if (parts.Count == 0)
        {
            return new InboxItemsPage([], 0, 1, 1);
        }

        var handled = query.Handled switch
        {
            true => " AND h.id IS NOT NULL",
            false => " AND h.id IS NULL",
            null => "",
        };
        var selected = $"""
            WITH items AS ({string.Join("\nUNION ALL\n", parts)}),
            selected AS (
                SELECT i.kind, i.id, i.day, i.doc, h.at FROM items i LEFT JOIN console_handled h ON h.id = i.kind || ':' || i.id
                WHERE i.day BETWEEN @from::date AND @to::date{handled})
            """;
        var (feedbackFrom, feedbackTo) = query.FeedbackBounds();
        var (askedFrom, askedTo) = query.QuestionBounds();
        var param = new
        {
            zone = ZoneName(query.Zone),
            feedbackFrom,
            feedbackTo,
            askedFrom,
            askedTo,
            codes = query.UnitCodes?.ToArray(),
            from = query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            take = pageSize,
            skip = 0,
        };
        var total = db.One<int>(selected + "\nSELECT count(*)::int FROM selected", param);
        var (current, pages, skip) = InboxItemsPage.Clamp(total, page, pageSize);
        // Ordered here as on LiteDB: the day, then the kind and the id in ordinal ("C") order, whatever the server's collation.
        var rows = db.Query<(string Kind, string Id, string Day, DateTime? At, string Doc)>(selected + """

            SELECT kind, id, to_char(day, 'YYYY-MM-DD'), at, doc::text FROM selected
            ORDER BY day DESC, kind COLLATE "C", id COLLATE "C" LIMIT @take OFFSET @skip
            """, param with { skip = skip });
        var items = rows.Select(r =>
        {
            var day = DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateTime? at = r.At is { } when ? DateTime.SpecifyKind(when, DateTimeKind.Utc) : null;
            return r.Kind == FeedbackInbox.FeedbackKind
                ? new InboxItem(r.Kind, r.Id, day, Json.Read<Feedback>(r.Doc), null, at)
                : new InboxItem(r.Kind, r.Id, day, null, Json.Read<UnansweredQuestion>(r.Doc), at);
        }).ToList();
        return new InboxItemsPage(items, total, current, pages);
    }

    // PostgreSQL knows zones by their IANA names (the bot's are, on Linux); a Windows id is translated when it can be.
    private static string ZoneName(TimeZoneInfo zone) =>
        zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
}
