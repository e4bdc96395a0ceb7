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
public sealed class FeedbackInbox(IFeedback feedback, IUnansweredQuestions questions, IHandledMarks marks, IInboxItems items, ISubscribers subscribers,
    IUnits units, IStorage storage, AuditLog audit, Hosting.BotClock clock)
{
    public const string FeedbackKind = "feedback";
    public const string QuestionKind = "question";

    /// <summary>Rows on one page of the list (the store pages; an export has every matching row).</summary>
    public const int PageSize = 50;

    /// <summary>Page <paramref name="page"/> (clamped) of the rows the filter selects, newest first, and how many it selects.</summary>
    /// <remarks><see cref="FeedbackFilter.UnitCode"/> must be in the grant's scope (checked by the caller).</remarks>
    public FeedbackRowsPage Page(AccessGrant grant, FeedbackFilter filter, int page)
    {
        var found = items.Page(Query(grant, filter), page, PageSize);
        return new FeedbackRowsPage(Rows(found.Items), found.Total, found.Page, found.Pages);
    }

    /// <summary>Every row the filter selects, newest first (the export: complete, not one page).</summary>
    public IReadOnlyList<FeedbackRow> All(AccessGrant grant, FeedbackFilter filter) => Rows(items.Page(Query(grant, filter), 1, int.MaxValue).Items);

    private InboxQuery Query(AccessGrant grant, FeedbackFilter filter)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(filter);
        // The units whose items may be listed: the chosen unit's sub-tree, else the whole scope (null = everything, bloc).
        IReadOnlyCollection<string>? scope = filter.UnitCode is { } code ? units.SubTreeCodes([code])
            : grant.IsBlocAdmin ? null : grant.VisibleUnits(units);
        return new InboxQuery(scope, filter.From, filter.To, clock.Zone, filter.Handled, filter.Kind);
    }

    private List<FeedbackRow> Rows(IReadOnlyList<InboxItem> found)
    {
        var rows = new List<FeedbackRow>(found.Count);
        foreach (var item in found)
        {
            DateOnly? handledOn = item.HandledAt is { } at ? DateOnly.FromDateTime(clock.ToLocal(at)) : null;
            if (item.Feedback is { } f)
            {
                rows.Add(new FeedbackRow(FeedbackKind, f.Id, item.Day, f.Anonymous ? null : f.UnitCode,
                    f.Anonymous ? null : (f.SubscriberId is { } id ? subscribers.Find(id)?.FullName ?? "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                    f.Anonymous, f.Source, f.RequirementId, f.Text, handledOn is not null, handledOn));
            }
            else if (item.Question is { } q)
            {
                rows.Add(new FeedbackRow(QuestionKind, q.Id, item.Day, q.UnitCode, null, false, q.Forwarded ? "forwarded" : null, null, q.Text,
                    handledOn is not null, handledOn));
            }
        }

        return rows;
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
        if (kind == FeedbackKind && feedback.Find(id) is { } found)
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

/// <param name="Page">The page shown (1…<paramref name="Pages"/>).</param>
/// <param name="Total">Every row the filter selects, on all pages.</param>
public sealed record FeedbackRowsPage(IReadOnlyList<FeedbackRow> Rows, int Total, int Page, int Pages);

public enum HandleOutcome
{
    Handled,
    AlreadyHandled,
    NotFound,
}
