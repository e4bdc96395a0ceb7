using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.Implementation;

/// <summary>
/// <c>/api/implementation</c>: a unit's report for a period, evidence, the matrix and its exports, locking. Scoped like
/// the reports: a unit admin reaches only the units under their own, a bloc admin every unit; locking is the bloc's.
/// </summary>
internal sealed class ImplementationApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/implementation");
        group.MapGet("/requirements", (ImplementationService service) =>
            TypedResults.Ok(service.Requirements().Select(r => new { id = r.Id, audience = r.Audience, title = r.TitleVi, titleEn = r.TitleEn })));

        group.MapGet("/units/{unit}/periods/{period}", (HttpContext http, string unit, string period, ImplementationService service, IUnits units) =>
            InScope(http, unit, period, service, units, (code, p) => TypedResults.Ok(new
            {
                unit = code,
                period = p.Id,
                locked = service.IsLocked(p),
                reports = service.ForUnit(p, code).Select(Json),
            })));

        group.MapPut("/units/{unit}/periods/{period}/{requirement}", async (HttpContext http, string unit, string period, string requirement,
            ReportBody body, ImplementationService service, IUnits units) =>
        {
            if (Check(http, unit, period, service, units, out var code, out var p) is { } denied)
            {
                return denied;
            }

            ImplementationStatus? status = null;
            if (body.Status is not null)
            {
                if (!TryStatus(body.Status, out var parsed))
                {
                    return Problem("status must be notStarted, inProgress or done.", "status");
                }

                status = parsed;
            }

            var outcome = await service.ChangeAsync(http.GetActor(), p, code, requirement,
                new ReportChange(status, body.Actions, body.Results, body.Difficulties, body.Proposals, body.EvidenceLink));
            return Outcome(outcome, () => TypedResults.Ok(Json(service.Find(p, code, requirement.ToUpperInvariant())!)));
        });

        group.MapPost("/units/{unit}/periods/{period}/{requirement}/evidence", async (HttpContext http, string unit, string period, string requirement,
            ImplementationService service, EvidenceFiles files, IUnits units) =>
        {
            if (Check(http, unit, period, service, units, out var code, out var p) is { } denied)
            {
                return denied;
            }

            if (!http.Request.HasFormContentType)
            {
                return Problem("Send the evidence as multipart/form-data with a 'file' field (PDF, DOCX, PNG or JPEG).", "file");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0 || file.Length > files.MaxBytes)
            {
                return Problem(string.Create(CultureInfo.InvariantCulture, $"Send one 'file' of at most {files.MaxBytes} bytes."), "file");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            var content = buffer.ToArray();
            if (EvidenceFiles.Sniff(content) is not { } type)
            {
                return Problem("The file must be a PDF, a DOCX, a PNG or a JPEG (checked from its content).", "file");
            }

            if (service.IsLocked(p))
            {
                return Outcome(ChangeOutcome.Locked, () => TypedResults.Ok());
            }

            var evidence = files.Save(content, file.FileName, type);
            var outcome = await service.ChangeAsync(http.GetActor(), p, code, requirement, new ReportChange(Evidence: evidence));
            return Outcome(outcome, () => TypedResults.Ok(Json(service.Find(p, code, requirement.ToUpperInvariant())!)));
        }).DisableAntiforgery();

        group.MapGet("/units/{unit}/periods/{period}/{requirement}/evidence", (HttpContext http, string unit, string period, string requirement,
            ImplementationService service, EvidenceFiles files, IUnits units) =>
            InScope(http, unit, period, service, units, (code, p) =>
                service.Find(p, code, requirement.ToUpperInvariant()) is { Evidence: { } evidence } && files.Open(evidence) is { } stream
                    ? TypedResults.Stream(stream, evidence.ContentType, evidence.FileName)
                    : TypedResults.NotFound()));

        group.MapGet("/matrix", (HttpContext http, [FromQuery] string? period, [FromQuery] string? branch, ImplementationService service, IUnits units) =>
            Matrix(http, period, branch, service, units, m => TypedResults.Ok(new
            {
                period = m.Period.Id,
                label = m.Period.Label(),
                locked = m.Locked,
                requirements = m.Requirements.Select(r => new { id = r.Id, title = r.TitleVi }),
                units = m.Rows.Select(r => new { code = r.UnitCode, name = r.UnitName, reported = r.Reported, statuses = r.Statuses.Select(StatusName) }),
            })));

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
            group.MapGet($"/matrix.{extension}", (HttpContext http, [FromQuery] string? period, [FromQuery] string? branch, ImplementationService service,
                IUnits units, AuditLog audit) =>
                Matrix(http, period, branch, service, units, m =>
                {
                    audit.Write(http.GetActor().AuditId, "export", branch ?? "*", $"implementation-matrix.{extension} {m.Period.Id} ({http.GetKeyName()})");
                    return TypedResults.File(ReportExports.Write(ImplementationExport.Rows(m), format),
                        format == ExportFormat.Csv ? ReportsApi.CsvType : ReportsApi.XlsxType, $"thuc-hien-920-{m.Period.Id}.{extension}");
                }));
        }

        group.MapGet("/proposals", (HttpContext http, [FromQuery] string? period, ImplementationService service, IUnits units) =>
            Matrix(http, period, null, service, units, m => TypedResults.Ok(service.Reports(m.Period, m.Rows.Select(r => r.UnitCode).ToList())
                .Where(r => r.Proposals is not null)
                .Select(r => new { unit = r.UnitCode, requirement = r.RequirementId, proposals = r.Proposals, difficulties = r.Difficulties }))));

        group.MapPost("/periods/{period}/lock", (HttpContext http, string period, ImplementationService service) => LockAsync(http, period, service, true));
        group.MapDelete("/periods/{period}/lock", (HttpContext http, string period, ImplementationService service) => LockAsync(http, period, service, false));
    }

    internal static string StatusName(ImplementationStatus? status) => status switch
    {
        ImplementationStatus.Done => "done",
        ImplementationStatus.InProgress => "inProgress",
        ImplementationStatus.NotStarted => "notStarted",
        _ => "notReported",
    };

    private static async Task<IResult> LockAsync(HttpContext http, string period, ImplementationService service, bool locked)
    {
        var access = ReportsApi.Access(http);
        if (access is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!access.IsBlocAdmin)
        {
            return TypedResults.StatusCode(403);
        }

        if (!service.TryParsePeriod(period, out var p))
        {
            return Problem("period must look like 2026-Q4 (the configured period).", "period");
        }

        var changed = await service.SetLockAsync(http.GetActor(), p, locked);
        return TypedResults.Ok(new { period = p.Id, locked, changed });
    }

    private static IResult Matrix(HttpContext http, string? period, string? branch, ImplementationService service, IUnits units,
        Func<ImplementationMatrix, IResult> then)
    {
        var access = ReportsApi.Access(http);
        if (access is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!access.IsAdmin)
        {
            return TypedResults.StatusCode(403);
        }

        if (!service.TryParsePeriod(period, out var p))
        {
            return Problem("period must look like 2026-Q4 (the configured period).", "period");
        }

        IReadOnlyList<string> scope = access.VisibleUnits(units);
        if (!string.IsNullOrWhiteSpace(branch))
        {
            var code = branch.Trim().ToUpperInvariant();
            if (!access.Covers(units, code))
            {
                return access.IsBlocAdmin ? TypedResults.NotFound() : TypedResults.StatusCode(403);
            }

            scope = units.SubTreeCodes([code]);
        }

        return then(service.Matrix(p, scope));
    }

    private static IResult InScope(HttpContext http, string unit, string period, ImplementationService service, IUnits units,
        Func<string, ReportingPeriod, IResult> then) =>
        Check(http, unit, period, service, units, out var code, out var p) ?? then(code, p);

    /// <summary>Null when the caller may reach <paramref name="unit"/>, a reporting unit, in a well-formed period.</summary>
    private static IResult? Check(HttpContext http, string unit, string period, ImplementationService service, IUnits units,
        out string code, out ReportingPeriod parsed)
    {
        code = unit.Trim().ToUpperInvariant();
        parsed = default;
        var access = ReportsApi.Access(http);
        if (access is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!access.IsAdmin || !access.Covers(units, code))
        {
            // A unit admin learns nothing about units outside their scope, not even whether they exist.
            return access.IsBlocAdmin ? TypedResults.NotFound() : TypedResults.StatusCode(403);
        }

        if (!service.IsReportingUnit(code))
        {
            return Problem("This unit does not report; reports are kept per unit at the configured depth of the unit tree.", "unit");
        }

        return service.TryParsePeriod(period, out parsed) ? null : Problem("period must look like 2026-Q4 (the configured period).", "period");
    }

    private static IResult Outcome(ChangeOutcome outcome, Func<IResult> saved) => outcome switch
    {
        ChangeOutcome.Saved => saved(),
        ChangeOutcome.Locked => TypedResults.Problem("The period is locked; its reports are read-only until a bloc admin unlocks it.", statusCode: 409),
        ChangeOutcome.UnknownRequirement => Problem("There is no such requirement (see /api/implementation/requirements).", "requirement"),
        _ => Problem(string.Create(CultureInfo.InvariantCulture, $"Texts are at most {ImplementationService.MaxText} characters; evidenceLink is an http(s) address."), "body"),
    };

    private static bool TryStatus(string text, out ImplementationStatus status)
    {
        status = text.Trim().ToLowerInvariant() switch
        {
            "done" => ImplementationStatus.Done,
            "inprogress" => ImplementationStatus.InProgress,
            "notstarted" => ImplementationStatus.NotStarted,
            _ => (ImplementationStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(string detail, string field) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail);

    private static object Json(ImplementationReport r) => new
    {
        requirement = r.RequirementId,
        status = StatusName(r.UpdatedBy.Length == 0 ? null : r.Status),
        actions = r.Actions,
        results = r.Results,
        difficulties = r.Difficulties,
        proposals = r.Proposals,
        evidenceLink = r.EvidenceLink,
        evidence = r.Evidence is { } e ? new { fileName = e.FileName, contentType = e.ContentType, size = e.Size } : null,
        updatedAt = r.UpdatedBy.Length == 0 ? (DateTime?)null : r.UpdatedAt,
        updatedBy = r.UpdatedBy.Length == 0 ? null : r.UpdatedBy,
    };
}
