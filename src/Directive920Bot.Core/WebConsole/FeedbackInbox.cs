using Directive920Bot.Admin;
using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Ý kiến / Feedback: cadres' feedback (named and anonymous, and units' kiến nghị) and the questions "ask the notice" could
/// not answer, for the signed-in admin's scope, filtered by unit, local dates and handled or not; marking one handled.
/// A bloc admin sees everything; a unit admin sees the named feedback and the questions of their units' sub-trees only —
/// anonymous feedback has no unit, so it is the bloc's, and it never names a person.
/// </summary>
public sealed class FeedbackInbox(IFeedback feedback, IUnansweredQuestions questions, IHandledMarks marks, ISubscribers subscribers, IUnits units,
    IStorage storage, AuditLog audit, Hosting.BotClock clock)
{
    public const string FeedbackKind = "feedback";
    public const string QuestionKind = "question";

    /// <summary>At most this many rows on the page and in an export (newest first).</summary>
    public const int Limit = 1000;

    /// <summary>The rows the filter selects, newest first. <paramref name="unitCode"/> must be in the grant's scope (checked by the caller).</summary>
    public IReadOnlyList<FeedbackRow> List(AccessGrant grant, FeedbackFilter filter)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(filter);
        // The units whose items may be listed: the chosen unit's sub-tree, else the whole scope (null = everything, bloc).
        IReadOnlyCollection<string>? scope = filter.UnitCode is { } code ? units.SubTreeCodes([code])
            : grant.IsBlocAdmin ? null : grant.VisibleUnits(units);
        var rows = new List<FeedbackRow>();
        if (filter.Kind is null or FeedbackKind)
        {
            var items = scope is null ? feedback.All() : feedback.NamedFromUnits(scope);
            rows.AddRange(items.Select(f => new FeedbackRow(FeedbackKind, f.Id, DayOf(f), f.Anonymous ? null : f.UnitCode,
                f.Anonymous ? null : (f.SubscriberId is { } id ? subscribers.Find(id)?.FullName ?? "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                f.Anonymous, f.Source, f.RequirementId, f.Text, false, null)));
        }

        if (filter.Kind is null or QuestionKind)
        {
            rows.AddRange(questions.List(scope).Select(q => new FeedbackRow(QuestionKind, q.Id, DateOnly.FromDateTime(q.AskedOn), q.UnitCode, null, false,
                q.Forwarded ? "forwarded" : null, null, q.Text, false, null)));
        }

        var selected = rows.Where(r => r.Day >= filter.From && r.Day <= filter.To).ToList();
        var handled = marks.Find([.. selected.Select(r => r.Key)]);
        return selected
            .Select(r => handled.TryGetValue(r.Key, out var at) ? r with { Handled = true, HandledOn = DateOnly.FromDateTime(clock.ToLocal(at)) } : r)
            .Where(r => filter.Handled is null || r.Handled == filter.Handled)
            .OrderByDescending(r => r.Day).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(Limit)
            .ToList();
    }

    /// <summary>
    /// Marks one item handled when the grant's scope covers it (anonymous feedback: bloc admins only). Idempotent: a second
    /// mark changes nothing and writes no second audit entry.
    /// </summary>
    public HandleOutcome MarkHandled(AccessGrant grant, long actor, string kind, string id)
    {
        ArgumentNullException.ThrowIfNull(grant);
        string? unit;
        bool anonymous;
        if (kind == FeedbackKind && feedback.All().FirstOrDefault(f => f.Id == id) is { } found)
        {
            (unit, anonymous) = (found.UnitCode, found.Anonymous);
        }
        else if (kind == QuestionKind && questions.Find(id) is { } question)
        {
            (unit, anonymous) = (question.UnitCode, false);
        }
        else
        {
            return HandleOutcome.NotFound;
        }

        if (!grant.IsBlocAdmin && (anonymous || unit is null || !grant.Covers(units, unit)))
        {
            // Out of scope looks the same as not found: a unit admin learns nothing of other units' items.
            return HandleOutcome.NotFound;
        }

        var key = kind + ":" + id;
        return storage.Write(tx =>
        {
            if (!marks.TryAdd(tx, new HandledMark { Id = key, At = clock.UtcNow.UtcDateTime }))
            {
                return HandleOutcome.AlreadyHandled;
            }

            audit.Write(tx, actor, "feedback.handled", key, "web console");
            return HandleOutcome.Handled;
        });
    }

    // Anonymous feedback keeps only its UTC date (midnight), so it is placed by that date; named feedback by its local day.
    private DateOnly DayOf(Feedback item) => item.Anonymous ? DateOnly.FromDateTime(item.CreatedAt) : DateOnly.FromDateTime(clock.ToLocal(item.CreatedAt));
}

/// <param name="Kind"><see cref="FeedbackInbox.FeedbackKind"/>, <see cref="FeedbackInbox.QuestionKind"/> or null for both.</param>
/// <param name="Handled">True: handled only; false: not handled only; null: both.</param>
public sealed record FeedbackFilter(string? UnitCode, DateOnly From, DateOnly To, bool? Handled, string? Kind)
{
    /// <summary>The filter as the page's query string (<c>?from=…&amp;to=…</c>), for the export links and “mark handled” to keep it.</summary>
    public string Query => System.FormattableString.Invariant($"?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}")
        + (UnitCode is null ? "" : "&unit=" + Uri.EscapeDataString(UnitCode))
        + (Handled is null ? "" : Handled.Value ? "&handled=yes" : "&handled=no")
        + (Kind is null ? "" : "&kind=" + Kind);
}

/// <param name="Person">The sender's name for named feedback; null for anonymous feedback and for questions (they name no one).</param>
/// <param name="Source"><c>implementation</c> for a unit's kiến nghị, <c>forwarded</c> for a question sent on to staff.</param>
public sealed record FeedbackRow(string Kind, string Id, DateOnly Day, string? UnitCode, string? Person, bool Anonymous, string? Source,
    string? RequirementId, string Text, bool Handled, DateOnly? HandledOn)
{
    public string Key => Kind + ":" + Id;
}

public enum HandleOutcome
{
    Handled,
    AlreadyHandled,
    NotFound,
}
