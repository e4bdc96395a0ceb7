using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Implementation;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using T = Directive920Bot.WebConsole.ConsoleImplementationTexts;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Thực hiện / Implementation in the console: the units × requirements matrix of a period (branch filter, period picker,
/// XLSX), a unit's report on one requirement with its evidence and kiến nghị, the form that records or corrects it, and
/// the bloc admin's lock. Every address names a unit and is checked against the signed-in admin's scope; the changes go
/// through <see cref="ImplementationService"/>, so a locked period refuses them and every change is audited as in the
/// bot and the API.
/// </summary>
internal static class ConsoleImplementation
{
    /// <summary>The evidence form's body: the largest file the option allows (50 MB) and the report's texts.</summary>
    private const long MaxFormBytes = (50L * 1024 * 1024) + (256 * 1024);

    /// <summary>How many periods back the picker offers.</summary>
    private const int PickerPeriods = 8;

    public static RouteGroupBuilder MapConsoleImplementation(this RouteGroupBuilder console)
    {
        console.MapGet("/implementation", (HttpContext http, string? period, string? branch, ImplementationService service, IUnits units,
            IOptions<ImplementationOptions> options) =>
            WithMatrix(http, period, branch, service, units, (matrix, selected) =>
            {
                var access = http.GetAccess();
                var branches = access.VisibleUnits(units).Select(units.Find).OfType<Unit>()
                    .Where(u => u.Depth <= options.Value.UnitDepth).ToList();
                return ConsoleHttp.Page<Components.ImplementationPage>(http,
                    new ImplementationModel(matrix, Periods(service), branches, selected, http.Request.Query["lock"].ToString()));
            }));

        console.MapGet("/implementation/matrix.xlsx", (HttpContext http, string? period, string? branch, ImplementationService service, IUnits units, AuditLog audit) =>
            WithMatrix(http, period, branch, service, units, (matrix, selected) =>
            {
                audit.Write(ConsoleActor(http).AuditId, "export", selected ?? "*", $"implementation-matrix.xlsx {matrix.Period.Id} (web console)");
                return TypedResults.File(ReportExports.Write(ImplementationExport.Rows(matrix), ExportFormat.Xlsx), ReportsApi.XlsxType,
                    $"thuc-hien-920-{matrix.Period.Id}.xlsx");
            }));

        console.MapGet("/implementation/{unit}/{requirement}", (HttpContext http, string unit, string requirement, string? period,
            ImplementationService service, IUnits units, EvidenceFiles files) =>
            Reporting(http, unit, requirement, period, service, units, (found, req, p) =>
                ConsoleHttp.Page<Components.ImplementationReportPage>(http, ReportModel(http, found, req, p, service, files, null))));

        console.MapPost("/implementation/{unit}/{requirement}", async Task<IResult> (HttpContext http, string unit, string requirement, string? period,
            ImplementationService service, IUnits units, EvidenceFiles files) =>
        {
            if (Check(http, unit, requirement, period, service, units, out var found, out var req, out var p) is { } denied)
            {
                return denied;
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var back = $"/console/implementation/{Uri.EscapeDataString(found.Code)}/{Uri.EscapeDataString(req.Id)}?period={p.Id}";
            if (service.IsLocked(p))
            {
                return ConsoleHttp.Message(http, T.Locked, StatusCodes.Status409Conflict, back);
            }

            ImplementationStatus? status = null;
            if (!string.IsNullOrEmpty(form["status"]))
            {
                if (!Enum.TryParse<ImplementationStatus>(form["status"], ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Refuse(http, found, req, p, service, files, T.BadStatus);
                }

                status = parsed;
            }

            Evidence? evidence = null;
            var file = form.Files.GetFile("file");
            if (file is { Length: > 0 })
            {
                if (file.Length > files.MaxBytes)
                {
                    return Refuse(http, found, req, p, service, files, T.FileTooLarge, Localization.Numbers.Count(files.MaxBytes / 1024, ConsoleHttp.LanguageOf(http)));
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                var content = buffer.ToArray();
                if (EvidenceFiles.Sniff(content) is not { } type)
                {
                    return Refuse(http, found, req, p, service, files, T.FileType);
                }

                evidence = files.Save(content, file.FileName, type);
            }

            var change = new ReportChange(status, form["actions"], form["results"], form["difficulties"], form["proposals"], form["evidenceLink"], evidence);
            var outcome = await service.ChangeAsync(ConsoleActor(http), p, found.Code, req.Id, change);
            return outcome switch
            {
                ChangeOutcome.Saved => TypedResults.LocalRedirect(back + "&saved=1"),
                ChangeOutcome.Locked => ConsoleHttp.Message(http, T.Locked, StatusCodes.Status409Conflict, back),
                _ => Refuse(http, found, req, p, service, files, T.Invalid, ImplementationService.MaxText),
            };
        }).WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxFormBytes });

        console.MapGet("/implementation/{unit}/{requirement}/evidence", (HttpContext http, string unit, string requirement, string? period,
            ImplementationService service, IUnits units, EvidenceFiles files) =>
            Reporting(http, unit, requirement, period, service, units, (found, req, p) =>
                service.Find(p, found.Code, req.Id) is { Evidence: { } evidence } && files.Open(evidence) is { } stream
                    ? TypedResults.Stream(stream, evidence.ContentType, evidence.FileName)
                    : ConsoleHttp.Message(http, T.NoEvidence, StatusCodes.Status404NotFound,
                        $"/console/implementation/{Uri.EscapeDataString(found.Code)}/{Uri.EscapeDataString(req.Id)}?period={p.Id}")));

        console.MapPost("/implementation/lock", async Task<IResult> (HttpContext http, ImplementationService service) =>
        {
            if (!http.GetAccess().IsBlocAdmin)
            {
                return ConsoleHttp.Message(http, ConsoleTexts.BlocOnly, StatusCodes.Status403Forbidden, "/console/implementation");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (string.IsNullOrWhiteSpace(form["period"]) || !service.TryParsePeriod(form["period"], out var p) || form["locked"] is not { Count: 1 } flag || flag[0] is not ("1" or "0"))
            {
                return ConsoleHttp.Message(http, T.BadPeriod, StatusCodes.Status400BadRequest, "/console/implementation");
            }

            var locked = form["locked"] == "1";
            var changed = await service.SetLockAsync(ConsoleActor(http), p, locked);
            return TypedResults.LocalRedirect($"/console/implementation?period={p.Id}&lock={(changed ? (locked ? "locked" : "unlocked") : "same")}");
        });
        return console;
    }

    internal static Actor ConsoleActor(HttpContext http) => Actor.Web(ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console);

    /// <summary>The current period and the ones before it, newest first.</summary>
    internal static IReadOnlyList<ReportingPeriod> Periods(ImplementationService service)
    {
        var list = new List<ReportingPeriod>(PickerPeriods);
        for (var p = service.CurrentPeriod; list.Count < PickerPeriods; p = p.Previous())
        {
            list.Add(p);
        }

        return list;
    }

    private static IResult WithMatrix(HttpContext http, string? period, string? branch, ImplementationService service, IUnits units,
        Func<ImplementationMatrix, string?, IResult> then)
    {
        var access = http.GetAccess();
        if (!service.TryParsePeriod(period, out var p))
        {
            return ConsoleHttp.Message(http, T.BadPeriod, StatusCodes.Status400BadRequest, "/console/implementation");
        }

        IReadOnlyList<string> scope = access.VisibleUnits(units);
        string? selected = null;
        if (!string.IsNullOrWhiteSpace(branch))
        {
            var unit = units.Find(branch.Trim()) ?? units.Find(branch.Trim().ToUpperInvariant());
            if (unit is null || !access.Covers(units, unit.Code))
            {
                // A unit admin learns nothing about units outside their scope, not even whether they exist.
                return access.IsBlocAdmin && unit is null
                    ? ConsoleHttp.Message(http, ConsoleTexts.NotFound, StatusCodes.Status404NotFound, "/console/implementation")
                    : ConsoleHttp.Message(http, ConsoleTexts.Forbidden, StatusCodes.Status403Forbidden, "/console/implementation");
            }

            selected = unit.Code;
            scope = units.SubTreeCodes([unit.Code]);
        }

        return then(service.Matrix(p, scope), selected);
    }

    private static IResult Reporting(HttpContext http, string unit, string requirement, string? period, ImplementationService service, IUnits units,
        Func<Unit, Requirement, ReportingPeriod, IResult> then) =>
        Check(http, unit, requirement, period, service, units, out var found, out var req, out var p) ?? then(found, req, p);

    /// <summary>Null when the signed-in admin covers <paramref name="unit"/>, a reporting unit, and the requirement and period are known.</summary>
    private static RazorComponentResult<Components.MessagePage>? Check(HttpContext http, string unit, string requirement, string? period, ImplementationService service, IUnits units,
        out Unit found, out Requirement req, out ReportingPeriod p)
    {
        found = null!;
        req = null!;
        p = default;
        var access = http.GetAccess();
        var u = units.Find(unit) ?? units.Find(unit.ToUpperInvariant());
        if (u is null || !access.Covers(units, u.Code))
        {
            return access.IsBlocAdmin && u is null
                ? ConsoleHttp.Message(http, ConsoleTexts.NotFound, StatusCodes.Status404NotFound, "/console/implementation")
                : ConsoleHttp.Message(http, ConsoleTexts.Forbidden, StatusCodes.Status403Forbidden, "/console/implementation");
        }

        if (!service.IsReportingUnit(u.Code))
        {
            return ConsoleHttp.Message(http, T.NotReporting, StatusCodes.Status404NotFound, "/console/implementation");
        }

        if (service.Requirement(requirement) is not { } r)
        {
            return ConsoleHttp.Message(http, T.NoRequirement, StatusCodes.Status404NotFound, "/console/implementation");
        }

        if (!service.TryParsePeriod(period, out p))
        {
            return ConsoleHttp.Message(http, T.BadPeriod, StatusCodes.Status400BadRequest, "/console/implementation");
        }

        found = u;
        req = r;
        return null;
    }

    private static RazorComponentResult<Components.ImplementationReportPage> Refuse(HttpContext http, Unit unit, Requirement requirement, ReportingPeriod period, ImplementationService service,
        EvidenceFiles files, Localization.Loc problem, params object?[] args) =>
        ConsoleHttp.Page<Components.ImplementationReportPage>(http,
            ReportModel(http, unit, requirement, period, service, files, problem.Format(ConsoleHttp.LanguageOf(http), args)), StatusCodes.Status400BadRequest);

    private static ImplementationReportModel ReportModel(HttpContext http, Unit unit, Requirement requirement, ReportingPeriod period,
        ImplementationService service, EvidenceFiles files, string? problem)
    {
        var report = service.Find(period, unit.Code, requirement.Id);
        return new ImplementationReportModel(unit.Code, unit.Name, requirement, service.Requirements(), period, Periods(service), service.IsLocked(period),
            report is { UpdatedBy.Length: > 0 } ? report : null, files.MaxBytes, problem, http.Request.Query["saved"] == "1",
            report is null ? null : http.RequestServices.GetRequiredService<Hosting.BotClock>().ToLocal(report.UpdatedAt));
    }
}

/// <param name="Branch">The unit whose branch is shown; null: the admin's whole scope.</param>
/// <param name="LockResult">"locked", "unlocked" or "same" after the lock form.</param>
public sealed record ImplementationModel(ImplementationMatrix Matrix, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<Unit> Branches, string? Branch,
    string? LockResult);

/// <param name="Report">The stored report; null when the unit has not reported this requirement in the period.</param>
public sealed record ImplementationReportModel(string UnitCode, string UnitName, Requirement Requirement, IReadOnlyList<Requirement> Requirements,
    ReportingPeriod Period, IReadOnlyList<ReportingPeriod> Periods, bool Locked, ImplementationReport? Report, long MaxEvidenceBytes, string? Problem, bool Saved, DateTime? UpdatedLocal);
