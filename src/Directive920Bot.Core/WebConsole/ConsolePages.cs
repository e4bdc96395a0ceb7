using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Authentication;

namespace Directive920Bot.WebConsole;

/// <summary>
/// The console's pages, forms and downloads under <c>/console</c>. The group requires a console session of a unit or
/// bloc admin; each endpoint checks the unit in its address against the signed-in admin's scope (<see cref="Scoped"/>),
/// so changing the URL shows nothing of another unit. The pages only render what the feature services return.
/// </summary>
internal static class ConsolePages
{
    public static RouteGroupBuilder MapConsolePages(this RouteGroupBuilder console)
    {
        console.MapGet("", (HttpContext http, ConsoleOverview overview) =>
            ConsoleHttp.Page<Components.OverviewPage>(http, overview.For(http.GetAccess())));

        console.MapGet("/units", (HttpContext http, ReportService reports, IUnits units) =>
            ConsoleHttp.Page<Components.UnitsPage>(http, reports.Units(http.GetAccess().VisibleUnits(units))));

        console.MapGet("/units/{code}", (HttpContext http, string code, string? status, string? q, int? page,
            ReportService reports, IUnits units, UnitMembers members, NudgeService nudges) => Scoped(http, units, code, unit =>
        {
            var report = reports.Unit(unit.Code)!;
            var items = report.Items.Where(i => i.Delivered > 0).Take(12).ToList();
            var tree = units.SubTree(unit.Code).Select(u => u.Code).ToList();
            var rows = members.Page(tree, [.. items.Select(i => i.ItemId)], status, q, page ?? 1);
            var children = reports.Units(units.All().Where(u => u.ParentCode == unit.Code).Select(u => u.Code).ToList());
            return ConsoleHttp.Page<Components.UnitPage>(http, new UnitPageModel(report, children, items, rows, status, q, nudges.Available,
                http.Request.Query["nudged"].ToString()));
        }));

        console.MapPost("/units/{code}/nudge", (HttpContext http, string code, IUnits units, NudgeService nudges) => Scoped(http, units, code, unit =>
        {
            var result = nudges.Nudge(ConsoleActor(http).AuditId, unit.Code, units.SubTreeCodes([unit.Code]));
            return TypedResults.LocalRedirect($"/console/units/{Uri.EscapeDataString(unit.Code)}?nudged={result.Nudged.ToString(CultureInfo.InvariantCulture)}");
        }));

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
            var type = format == ExportFormat.Csv ? ReportsApi.CsvType : ReportsApi.XlsxType;
            console.MapGet($"/units/{{code}}/members.{extension}", (HttpContext http, string code, IUnits units, ReportExports exports, AuditLog audit) =>
                Scoped(http, units, code, unit =>
                {
                    audit.Write(ConsoleActor(http).AuditId, "export", unit.Code, $"members.{extension} (web console)");
                    return TypedResults.File(ReportExports.Write(exports.MemberRows(units.SubTreeCodes([unit.Code])), format), type, $"members-{unit.Code}.{extension}");
                }));
        }

        console.MapGet("/units/{code}/thematic.docx", (HttpContext http, string code, string? from, string? to,
            IUnits units, ReportExports exports, ReportFeedback feedback, AuditLog audit, Hosting.BotClock clock) => Scoped(http, units, code, unit =>
        {
            var today = DateOnly.FromDateTime(clock.LocalNow);
            if (!TryDate(to, today, out var toDate) || !TryDate(from, new DateOnly(toDate.Year, toDate.Month, 1), out var fromDate) || fromDate > toDate)
            {
                return ConsoleHttp.Message(http, ConsoleTexts.BadDate, StatusCodes.Status400BadRequest, $"/console/units/{Uri.EscapeDataString(unit.Code)}");
            }

            audit.Write(ConsoleActor(http).AuditId, "export", unit.Code,
                string.Create(CultureInfo.InvariantCulture, $"thematic.docx {fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd} (web console)"));
            return TypedResults.File(exports.Thematic(unit.Code, fromDate, toDate, feedback.For(unit.Code, fromDate, toDate)), ReportsApi.DocxType,
                $"bao-cao-chuyen-de-920-{unit.Code}.docx");
        }));

        // The unit's invite link as a QR code (the same as the bot's /maqr): the link needs the bot's name from its channel.
        console.MapGet("/units/{code}/invite-qr.png", async (HttpContext http, string code, IUnits units, IInviteLinks links) =>
        {
            var unit = units.Find(code) ?? units.Find(code.ToUpperInvariant());
            var link = unit is not null && http.GetAccess().Covers(units, unit.Code) ? await links.LinkAsync("u_" + unit.InviteCode, http.RequestAborted) : null;
            return Scoped(http, units, code, found => link is null
                ? ConsoleHttp.Message(http, ConsoleTexts.NoInviteLink, StatusCodes.Status503ServiceUnavailable, $"/console/units/{Uri.EscapeDataString(found.Code)}")
                : TypedResults.File(InviteQrCode.Png(link), "image/png", $"ma-qr-{found.Code}.png"));
        });

        console.MapGet("/audit", (HttpContext http, long? person, string? action, string? from, string? to, string? page, AuditLog audit, Hosting.BotClock clock) =>
        {
            if (!http.GetAccess().IsBlocAdmin)
            {
                return (IResult)ConsoleHttp.Message(http, ConsoleTexts.BlocOnly, StatusCodes.Status403Forbidden, "/console");
            }

            var today = DateOnly.FromDateTime(clock.LocalNow);
            if (!TryDate(to, today, out var toDate) || !TryDate(from, toDate.AddDays(-30), out var fromDate) || fromDate > toDate)
            {
                return ConsoleHttp.Message(http, ConsoleTexts.BadDate, StatusCodes.Status400BadRequest, "/console/audit");
            }

            var number = 1;
            if (!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return ConsoleHttp.Message(http, ConsoleTexts.BadPage, StatusCodes.Status400BadRequest, "/console/audit");
            }

            // Filtered and paged by the store (before: the newest 5,000 entries were read and filtered here, so an older
            // period found nothing once 5,000 newer entries existed, and only 500 rows could ever be seen).
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(fromDate.ToDateTime(TimeOnly.MinValue), clock.Zone);
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);
            var found = audit.Page(new AuditQuery(fromUtc, toUtc, person, string.IsNullOrWhiteSpace(action) ? null : action.Trim()), number, AuditPageSize);
            var entries = found.Entries.Select(e => new AuditRow(clock.ToLocal(e.At), e.Actor, e.Action, e.Target, e.Details)).ToList();
            return ConsoleHttp.Page<Components.AuditPage>(http, new AuditModel(entries, person, action, fromDate, toDate) { Total = found.Total, Page = found.Page, Pages = found.Pages });
        });

        console.MapConsolePeople();
        console.MapConsoleCampaigns();
        console.MapConsoleImplementation();
        console.MapConsoleCommitteePages();

        console.MapPost("/logout", async (HttpContext http, ConsoleSignInService signIns) =>
        {
            if (ConsoleAuth.PersonOf(http.User) is { } person)
            {
                await signIns.EndSessionsAsync(person, "web console");
            }

            await http.SignOutAsync(ConsoleAuth.Scheme);
            return TypedResults.LocalRedirect("/signin?out=1");
        });
        return console;
    }

    /// <summary>Audit entries on one page of Nhật ký.</summary>
    public const int AuditPageSize = 100;

    private static Actor ConsoleActor(HttpContext http) => Actor.Web(ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console);

    /// <summary>The unit of the address when the signed-in admin's scope covers it; otherwise 404 (unknown) or 403.</summary>
    private static IResult Scoped(HttpContext http, IUnits units, string code, Func<Unit, IResult> then)
    {
        var access = http.GetAccess();
        var unit = units.Find(code) ?? units.Find(code.ToUpperInvariant());
        if (unit is null)
        {
            // A unit admin learns nothing about units outside their scope, not even whether they exist.
            return access.IsBlocAdmin
                ? ConsoleHttp.Message(http, ConsoleTexts.NotFound, StatusCodes.Status404NotFound, "/console/units")
                : ConsoleHttp.Message(http, ConsoleTexts.Forbidden, StatusCodes.Status403Forbidden, "/console/units");
        }

        return access.Covers(units, unit.Code) ? then(unit) : ConsoleHttp.Message(http, ConsoleTexts.Forbidden, StatusCodes.Status403Forbidden, "/console/units");
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

public sealed record UnitPageModel(UnitReport Report, IReadOnlyList<UnitReport> Children, IReadOnlyList<ItemFigures> Items, MembersPage Members,
    string? Filter, string? Query, bool NudgeAvailable, string? Nudged);

public sealed record AuditRow(DateTime At, long Actor, string Action, string Target, string Details);

public sealed record AuditModel(IReadOnlyList<AuditRow> Entries, long? Person, string? Action, DateOnly From, DateOnly To)
{
    /// <summary>Every entry the filter selects, on all pages.</summary>
    public int Total { get; init; } = Entries.Count;

    public int Page { get; init; } = 1;

    public int Pages { get; init; } = 1;

    /// <summary>The address of page <paramref name="page"/> with the same filter.</summary>
    public string PageLink(int page) => "/console/audit?" + FormattableString.Invariant($"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}")
        + (Person is { } p ? "&person=" + p.ToString(CultureInfo.InvariantCulture) : "")
        + (string.IsNullOrWhiteSpace(Action) ? "" : "&action=" + Uri.EscapeDataString(Action))
        + "&page=" + page.ToString(CultureInfo.InvariantCulture);
}
