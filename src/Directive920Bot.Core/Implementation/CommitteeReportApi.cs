using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;

namespace Directive920Bot.Implementation;

/// <summary>
/// <c>GET /api/exports/committee/thematic.docx?unit=&amp;from=&amp;to=</c> (default: the current reporting period) and
/// <c>GET /api/exports/committee/annual.docx?unit=&amp;year=</c>: the drafts a committee signs. Unit admins get their own
/// units, bloc admins any; every download is audited as an export.
/// </summary>
internal sealed class CommitteeReportApi : IApiEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exports/committee");
        group.MapGet("/thematic.docx", IResult (HttpContext http, string? unit, string? from, string? to, CommitteeReport report, ImplementationService service,
            IUnits units, AuditLog audit) =>
        {
            if (Unit(http, unit, units, out var code) is { } denied)
            {
                return denied;
            }

            var period = service.CurrentPeriod;
            if (!TryDate(to, period.End, out var toDate) || !TryDate(from, period.Start, out var fromDate) || fromDate > toDate || toDate.DayNumber - fromDate.DayNumber > 3 * 366)
            {
                return Problem("from and to must be dates yyyy-MM-dd, from <= to, at most three years apart.", "from");
            }

            audit.Write(http.GetActor().AuditId, "export", code, string.Create(CultureInfo.InvariantCulture, $"committee.thematic.docx {fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd} ({http.GetKeyName()})"));
            return TypedResults.File(report.Thematic(code, fromDate, toDate), DocxType, $"bao-cao-chuyen-de-920-{code}-{fromDate:yyyyMMdd}-{toDate:yyyyMMdd}.docx");
        });

        group.MapGet("/annual.docx", IResult (HttpContext http, string? unit, string? year, CommitteeReport report, IUnits units, AuditLog audit, BotClock clock) =>
        {
            if (Unit(http, unit, units, out var code) is { } denied)
            {
                return denied;
            }

            var y = DateOnly.FromDateTime(clock.LocalNow).Year;
            if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y is < 2000 or > 2200))
            {
                return Problem("year must look like 2026.", "year");
            }

            audit.Write(http.GetActor().AuditId, "export", code, string.Create(CultureInfo.InvariantCulture, $"committee.annual.docx {y} ({http.GetKeyName()})"));
            return TypedResults.File(report.Annual(code, y), DocxType, string.Create(CultureInfo.InvariantCulture, $"bao-cao-nam-{y}-920-{code}.docx"));
        });
    }

    /// <summary>Null when the caller, an admin, may report on <paramref name="unit"/> (default: the bloc, or the admin's first unit).</summary>
    private static IResult? Unit(HttpContext http, string? unit, IUnits units, out string code)
    {
        code = "";
        var access = ReportsApi.Access(http);
        if (access is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!access.IsAdmin)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        code = unit?.Trim().ToUpperInvariant()
            ?? (access.IsBlocAdmin ? units.All().FirstOrDefault(u => u.ParentCode is null)?.Code : (access.Units.Count > 0 ? access.Units[0] : null)) ?? "";
        if (code.Length == 0 || !access.Covers(units, code))
        {
            return access.IsBlocAdmin ? TypedResults.NotFound() : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(string detail, string field) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail);
}
