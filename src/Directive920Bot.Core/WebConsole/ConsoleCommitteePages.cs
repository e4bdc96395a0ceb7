using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Implementation;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.Extensions.Options;
using T = Directive920Bot.WebConsole.ConsoleImplementationTexts;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Cam kết / Commitments: a unit leader (unit admin) reads the commitments and self-assessments of their own units'
/// cadres; a bloc admin sees the counts only, never a text. Báo cáo / Reports: the bloc admin downloads the committee's
/// thematic (per reporting period) and annual DOCX drafts of <see cref="CommitteeReport"/>.
/// </summary>
internal static class ConsoleCommitteePages
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapConsoleCommitteePages(this RouteGroupBuilder console)
    {
        console.MapGet("/commitments", (HttpContext http, string? year, CommitmentService service, IUnits units, ISubscribers subscribers) =>
        {
            if (!TryYear(year, service.CurrentYear, out var y))
            {
                return (IResult)ConsoleHttp.Message(http, T.BadYear, StatusCodes.Status400BadRequest, "/console/commitments");
            }

            var access = http.GetAccess();
            var scope = access.VisibleUnits(units);
            // Texts belong to the cadre's own unit: only a unit admin (the unit's leaders) reads them, as in the API.
            var rows = access.Role == AdminRole.UnitAdmin
                ? service.ForUnits(y, scope).SelectMany(c => c.Items.Select(i => new CommitmentRow(
                    c.UnitCode ?? "", subscribers.Find(c.PersonId)?.FullName ?? "#" + c.PersonId.ToString(CultureInfo.InvariantCulture), i.RequirementId, i.Text, i.MidYear, i.YearEnd))).ToList()
                : null;
            return ConsoleHttp.Page<Components.CommitmentsPage>(http, new CommitmentsModel(y, service.Requirements(), service.Counts(y, scope), rows));
        });

        console.MapGet("/reports", (HttpContext http, ImplementationService service, CommitmentService commitments, IOptions<CommitteeReportOptions> options) =>
            BlocOnly(http, () => ConsoleHttp.Page<Components.CommitteeReportsPage>(http,
                new CommitteeReportsModel(ConsoleImplementation.Periods(service), commitments.CurrentYear, options.Value.UnsetKeys))));

        console.MapGet("/reports/thematic.docx", (HttpContext http, string? period, ImplementationService service, CommitteeReport report, IUnits units, AuditLog audit) =>
            BlocOnly(http, () =>
            {
                if (!service.TryParsePeriod(period, out var p) || Root(units) is not { } root)
                {
                    return ConsoleHttp.Message(http, T.BadPeriod, StatusCodes.Status400BadRequest, "/console/reports");
                }

                audit.Write(ConsoleImplementation.ConsoleActor(http).AuditId, "export", root, $"committee.thematic.docx {p.Id} (web console)");
                return TypedResults.File(report.Thematic(root, p.Start, p.End), DocxType, $"bao-cao-chuyen-de-920-{root}-{p.Id}.docx");
            }));

        console.MapGet("/reports/annual.docx", (HttpContext http, string? year, CommitteeReport report, CommitmentService commitments, IUnits units, AuditLog audit) =>
            BlocOnly(http, () =>
            {
                if (!TryYear(year, commitments.CurrentYear, out var y) || Root(units) is not { } root)
                {
                    return ConsoleHttp.Message(http, T.BadYear, StatusCodes.Status400BadRequest, "/console/reports");
                }

                audit.Write(ConsoleImplementation.ConsoleActor(http).AuditId, "export", root, string.Create(CultureInfo.InvariantCulture, $"committee.annual.docx {y} (web console)"));
                return TypedResults.File(report.Annual(root, y), DocxType, string.Create(CultureInfo.InvariantCulture, $"bao-cao-nam-{y}-920-{root}.docx"));
            }));
        return console;
    }

    private static IResult BlocOnly(HttpContext http, Func<IResult> then) =>
        http.GetAccess().IsBlocAdmin ? then() : ConsoleHttp.Message(http, ConsoleTexts.BlocOnly, StatusCodes.Status403Forbidden, "/console");

    /// <summary>The bloc: the root of the unit tree.</summary>
    private static string? Root(IUnits units) => units.All().FirstOrDefault(u => u.ParentCode is null)?.Code;

    private static bool TryYear(string? text, int fallback, out int year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2200;
    }
}

public sealed record CommitmentRow(string UnitCode, string Name, string RequirementId, string Text, SelfAssessment? MidYear, SelfAssessment? YearEnd);

/// <param name="Rows">The texts, for a unit admin's own units; null for a bloc admin (counts only).</param>
public sealed record CommitmentsModel(int Year, IReadOnlyList<Requirement> Requirements, IReadOnlyList<CommitmentCounts> Counts, IReadOnlyList<CommitmentRow>? Rows);

public sealed record CommitteeReportsModel(IReadOnlyList<ReportingPeriod> Periods, int Year, IReadOnlyList<string> UnsetKeys);
