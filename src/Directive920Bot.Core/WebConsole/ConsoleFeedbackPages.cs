using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Ý kiến / Feedback under <c>/console/feedback</c>: the list with its filters, “mark handled” (POST, audited, idempotent)
/// and the CSV/XLSX export of the filtered list. The unit of the filter is checked against the signed-in admin's scope.
/// </summary>
internal static class ConsoleFeedbackPages
{
    public static RouteGroupBuilder MapConsoleFeedback(this RouteGroupBuilder console)
    {
        // Paged in the store; a page number past the end shows the last page (plain links: no script needed).
        console.MapGet("/feedback", (HttpContext http, string? unit, string? from, string? to, string? handled, string? kind, string? marked, string? page,
            FeedbackInbox inbox, IUnits units, Hosting.BotClock clock) =>
            Filtered(http, units, clock, unit, from, to, handled, kind, filter =>
            {
                var number = 1;
                if (!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
                {
                    return ConsoleHttp.Message(http, ConsoleTexts.BadPage, StatusCodes.Status400BadRequest, "/console/feedback");
                }

                return ConsoleHttp.Page<Components.FeedbackPage>(http, new FeedbackModel(inbox.Page(http.GetAccess(), filter, number), filter,
                    http.GetAccess().VisibleUnits(units).Select(c => units.Find(c)!).ToList(), marked));
            }));

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
            var type = format == ExportFormat.Csv ? ReportsApi.CsvType : ReportsApi.XlsxType;
            console.MapGet($"/feedback.{extension}", (HttpContext http, string? unit, string? from, string? to, string? handled, string? kind,
                FeedbackInbox inbox, IUnits units, AuditLog audit, Hosting.BotClock clock) =>
                Filtered(http, units, clock, unit, from, to, handled, kind, filter =>
                {
                    var rows = inbox.All(http.GetAccess(), filter).Select(r => new FeedbackExportRow(
                        r.Kind, Localization.Dates.Day(r.Day), r.UnitCode ?? "", r.Anonymous ? "(ẩn danh)" : r.Person ?? "", r.Source ?? "", r.RequirementId ?? "",
                        r.Text, r.Handled ? "x" : "", r.HandledOn is { } on ? Localization.Dates.Day(on) : ""));
                    audit.Write(Actor(http), "export", filter.UnitCode ?? "scope", string.Create(CultureInfo.InvariantCulture,
                        $"feedback.{extension} {filter.From:yyyy-MM-dd}..{filter.To:yyyy-MM-dd} (web console)"));
                    return TypedResults.File(ReportExports.Write(rows, format), type, $"y-kien-{filter.UnitCode ?? "920"}.{extension}");
                }));
        }

        console.MapPost("/feedback/handled", async (HttpContext http, FeedbackInbox inbox) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcome = inbox.MarkHandled(http.GetAccess(), Actor(http), form["kind"].ToString(), form["id"].ToString());
            if (outcome == HandleOutcome.NotFound)
            {
                return (IResult)ConsoleHttp.Message(http, ConsoleDeskTexts.FeedbackNotFound, StatusCodes.Status404NotFound, "/console/feedback");
            }

            // Back to the list with the filter it was sent from (only ever a feedback page of this site).
            var back = ConsoleHttp.LocalPath(form["back"].ToString(), "/console/feedback");
            back = back.StartsWith("/console/feedback?", StringComparison.Ordinal) ? back + "&" : "/console/feedback?";
            return TypedResults.LocalRedirect(back + "marked=" + (outcome == HandleOutcome.Handled ? "1" : "0"));
        });
        return console;
    }

    private static long Actor(HttpContext http) => ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console;

    /// <summary>Parses and checks the filter (unit in scope, dates, handled, kind), then runs <paramref name="then"/>.</summary>
    private static IResult Filtered(HttpContext http, IUnits units, Hosting.BotClock clock, string? unit, string? from, string? to, string? handled, string? kind,
        Func<FeedbackFilter, IResult> then)
    {
        var access = http.GetAccess();
        string? unitCode = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var found = units.Find(unit.Trim()) ?? units.Find(unit.Trim().ToUpperInvariant());
            if (found is null || !access.Covers(units, found.Code))
            {
                // A unit admin learns nothing about units outside their scope, not even whether they exist.
                return found is null && access.IsBlocAdmin
                    ? ConsoleHttp.Message(http, ConsoleTexts.NotFound, StatusCodes.Status404NotFound, "/console/feedback")
                    : ConsoleHttp.Message(http, ConsoleTexts.Forbidden, StatusCodes.Status403Forbidden, "/console/feedback");
            }

            unitCode = found.Code;
        }

        var today = DateOnly.FromDateTime(clock.LocalNow);
        if (!TryDate(to, today, out var toDate) || !TryDate(from, toDate.AddDays(-90), out var fromDate) || fromDate > toDate)
        {
            return ConsoleHttp.Message(http, ConsoleTexts.BadDate, StatusCodes.Status400BadRequest, "/console/feedback");
        }

        var kindOnly = string.IsNullOrEmpty(kind) ? null : kind;
        if (handled is not (null or "" or "yes" or "no") || kindOnly is not (null or FeedbackInbox.FeedbackKind or FeedbackInbox.QuestionKind))
        {
            return ConsoleHttp.Message(http, ConsoleDeskTexts.FeedbackBadKind, StatusCodes.Status400BadRequest, "/console/feedback");
        }

        bool? handledOnly = handled == "yes" ? true : handled == "no" ? false : null;
        return then(new FeedbackFilter(unitCode, fromDate, toDate, handledOnly, kindOnly));
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

public sealed record FeedbackModel(FeedbackRowsPage Found, FeedbackFilter Filter, IReadOnlyList<Unit> Units, string? Marked)
{
    /// <summary>The filter as a query string (export links).</summary>
    public string Query => Filter.Query;

    /// <summary>This page's address, for “mark handled” to come back to the same filter and page.</summary>
    public string Back => "/console/feedback" + Filter.Query + (Found.Page > 1 ? "&page=" + Found.Page.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The address of page <paramref name="page"/> with the same filter.</summary>
    public string PageLink(int page) => "/console/feedback" + Filter.Query + "&page=" + page.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One row of the feedback export (CSV escapes cells that would run as formulas, like every export).</summary>
public sealed record FeedbackExportRow(string Kind, string Date, string UnitCode, string From, string Source, string Requirement, string Text, string Handled, string HandledOn);
