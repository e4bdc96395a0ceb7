using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.Reports;

/// <summary>
/// The admin API of roles, audit, rosters, reports and exports. Mapped by the lead into the authenticated <c>/api</c>
/// group, whose authentication puts the caller's <see cref="AccessGrant"/> on the request; every endpoint checks role and
/// unit scope here, on the server.
/// </summary>
public static class ReportsApi
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/roles", (HttpContext http, IRoles roles) =>
            Bloc(http) ?? Results.Json(roles.All().Select(r => new { r.UserId, role = r.Role.ToString(), unit = r.UnitCode, r.GrantedBy, r.GrantedAt })));
        api.MapPost("/roles", (HttpContext http, RoleRequest request, RoleService service) =>
            Bloc(http) ?? Change(http, request, service, grant: true));
        api.MapDelete("/roles", (HttpContext http, [FromQuery] long userId, [FromQuery] string role, [FromQuery] string? unit, RoleService service) =>
            Bloc(http) ?? Change(http, new RoleRequest(userId, role, unit), service, grant: false));
        api.MapGet("/audit", (HttpContext http, AuditLog audit, [FromQuery] int? limit, [FromQuery] string? action) =>
            Bloc(http) ?? Results.Json(audit.Recent(Math.Clamp(limit ?? 200, 1, 5000), action)));
        // What the next retention run would delete (issue #15 §6); bloc admins only, nothing is deleted.
        api.MapGet("/retention/preview", (HttpContext http, Registration.RetentionService retention, Hosting.BotClock clock) =>
            Bloc(http) ?? Results.Json(retention.Preview(clock.UtcNow).Select(l => new { kind = l.Kind.ToString(), periodDays = l.Period.TotalDays, cutoff = l.Cutoff, count = l.Count })));

        static IResult TooLarge() => Results.Problem("Send one 'file' of at most 5 MB (CSV or XLSX).", statusCode: StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/rosters", async (HttpContext http, RosterImporter importer, IUnits units, AuditLog audit) =>
        {
            if (Admin(http) is { } denied)
            {
                return denied;
            }

            var access = Access(http)!;
            if (!http.Request.HasFormContentType)
            {
                return Results.Problem("Send the roster as multipart/form-data with a 'file' field (CSV or XLSX).", statusCode: 400);
            }

            // The declared length is judged before a byte is read; a chunked body meets Kestrel's limit (the endpoint's
            // RequestSizeLimit) while it streams, which surfaces as BadHttpRequestException 413.
            if (http.Request.ContentLength > UploadLimits.MaxRequestBytes)
            {
                return TooLarge();
            }

            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }

            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null || file.Length > UploadLimits.MaxBytes)
            {
                return Results.Problem("Send one 'file' of at most 5 MB (CSV or XLSX).", statusCode: 400);
            }

            await using var stream = file.OpenReadStream();
            var result = importer.Import(file.FileName, stream, access.IsBlocAdmin ? null : access.VisibleUnits(units),
                Localization.Languages.FromAcceptLanguage(http.Request.Headers.AcceptLanguage));
            if (!result.Ok)
            {
                return Results.Json(new { imported = false, errors = result.Errors }, statusCode: 422);
            }

            audit.Write(Actor(http), "roster.import", file.FileName, FormattableString.Invariant($"added {result.Added}, updated {result.Updated}, retired {result.Retired} ({http.GetKeyName()})"));
            return Results.Json(new { imported = true, result.Added, result.Updated, result.Retired });
        })
            // Kestrel refuses a larger body with 413 as it arrives, instead of buffering up to its 30 MB default first.
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxRequestBytes))
            .DisableAntiforgery();

        api.MapGet("/rosters/mismatches", (HttpContext http, [FromQuery] string? unit, RosterService roster, IUnits units) =>
            Scoped(http, units, unit, scope => Results.Json(new
            {
                unmatched = roster.Unmatched(scope).Select(s => new { s.Id, s.FullName, s.UnitCode }),
                neverRegistered = roster.NeverRegistered(scope).Select(e => new { e.Id, e.FullName, e.UnitCode, e.Position, invite = "p_" + e.InviteCode }),
            })));

        api.MapGet("/reports/units", (HttpContext http, ReportService reports, IUnits units) =>
            Admin(http) ?? Results.Json(reports.Units(Access(http)!.VisibleUnits(units)).Select(u => UnitJson(u))));
        api.MapGet("/reports/units/{code}", (HttpContext http, string code, ReportService reports, ReportInsights insights, IUnits units) =>
            Scoped(http, units, code, _ =>
            {
                var unit = units.Find(code.ToUpperInvariant())!.Code;
                return Results.Json(UnitJson(reports.Unit(unit)!, insights.UnansweredIn(unit)));
            }));
        api.MapGet("/reports/items/{id}", (HttpContext http, string id, ReportService reports, IUnits units) =>
            Admin(http) ?? Results.Json(new
            {
                id,
                title = reports.Title(id),
                units = reports.Item(id, Access(http)!.VisibleUnits(units)).Select(x => new { unit = x.UnitCode, figures = ItemJson(x.Figures) }),
            }));
        api.MapGet("/reports/questions", (HttpContext http, [FromQuery] string? unit, ReportService reports, IUnits units) =>
            Scoped(http, units, unit, scope => Results.Json(reports.Questions(scope))));

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
        {
            var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
            var type = format == ExportFormat.Csv ? CsvType : XlsxType;
            api.MapGet($"/exports/units.{extension}", (HttpContext http, ReportExports exports, IUnits units, AuditLog audit) =>
            {
                if (Admin(http) is { } denied)
                {
                    return denied;
                }

                audit.Write(Actor(http), "export", "units", $"units.{extension} ({http.GetKeyName()})");
                var visible = Access(http)!.VisibleUnits(units);
                var file = format == ExportFormat.Xlsx ? exports.UnitsXlsx(visible) : ReportExports.Write(exports.UnitRows(visible), format);
                return Results.File(file, type, $"units.{extension}");
            });
            api.MapGet($"/exports/members.{extension}", (HttpContext http, [FromQuery] string? unit, ReportExports exports, IUnits units, AuditLog audit) =>
                Scoped(http, units, unit, scope =>
                {
                    audit.Write(Actor(http), "export", unit ?? "*", $"members.{extension} ({http.GetKeyName()})");
                    return Results.File(ReportExports.Write(exports.MemberRows(scope), format), type, $"members.{extension}");
                }));
        }

        api.MapGet("/exports/thematic.docx", (HttpContext http, [FromQuery] string? unit, [FromQuery] string? from, [FromQuery] string? to,
            ReportExports exports, ReportFeedback feedback, IUnits units, AuditLog audit, Hosting.BotClock clock) =>
        {
            if (Admin(http) is { } denied)
            {
                return denied;
            }

            var access = Access(http)!;
            var code = unit?.ToUpperInvariant() ?? (access.IsBlocAdmin ? units.All().FirstOrDefault(u => u.ParentCode is null)?.Code : (access.Units.Count > 0 ? access.Units[0] : null));
            if (code is null || !access.Covers(units, code))
            {
                return code is not null && access.IsBlocAdmin ? Results.NotFound() : Results.StatusCode(403);
            }

            var today = DateOnly.FromDateTime(clock.LocalNow);
            if (!TryDate(to, today, out var toDate) || !TryDate(from, toDate.AddMonths(-1), out var fromDate) || fromDate > toDate)
            {
                return Results.Problem("from and to must be dates yyyy-MM-dd with from <= to.", statusCode: 400);
            }

            audit.Write(Actor(http), "export", code, string.Create(CultureInfo.InvariantCulture, $"thematic.docx {fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd} ({http.GetKeyName()})"));
            return Results.File(exports.Thematic(code, fromDate, toDate, feedback.For(code, fromDate, toDate)), DocxType, $"bao-cao-chuyen-de-920-{code}.docx");
        });
        return api;
    }

    /// <summary>The grant the <c>/api</c> authentication put on the request; null when the caller is not authenticated.</summary>
    public static AccessGrant? Access(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true ? http.GetAccess() : null;
    }

    /// <summary>The Telegram user behind the API key when it names one; otherwise the console actor (the key name goes in the details).</summary>
    private static long Actor(HttpContext http) => http.GetActor().AuditId;

    private static IResult? Bloc(HttpContext http) => Access(http) switch
    {
        null => Results.StatusCode(401),
        { IsBlocAdmin: true } => null,
        _ => Results.StatusCode(403),
    };

    private static IResult? Admin(HttpContext http) => Access(http) switch
    {
        null => Results.StatusCode(401),
        { IsAdmin: true } => null,
        _ => Results.StatusCode(403),
    };

    /// <summary>Runs <paramref name="then"/> on the sub-tree of <paramref name="unit"/> (or the caller's whole scope) when it is in scope.</summary>
    private static IResult Scoped(HttpContext http, IUnits units, string? unit, Func<IReadOnlyList<string>, IResult> then)
    {
        if (Admin(http) is { } denied)
        {
            return denied;
        }

        var access = Access(http)!;
        if (string.IsNullOrWhiteSpace(unit))
        {
            return then(access.VisibleUnits(units));
        }

        var code = unit.Trim().ToUpperInvariant();
        if (!access.Covers(units, code))
        {
            // A unit admin learns nothing about units outside their scope, not even whether they exist.
            return access.IsBlocAdmin ? Results.NotFound() : Results.StatusCode(403);
        }

        return then(units.SubTreeCodes([code]));
    }

    private static IResult Change(HttpContext http, RoleRequest request, RoleService service, bool grant)
    {
        if (request.UserId <= 0 || RoleService.ParseRole(request.Role ?? "", request.Unit) is not { } parsed)
        {
            return Results.Problem("userId must be a Telegram user id and role 'bloc' or 'unit' (with unit).", statusCode: 400);
        }

        var outcome = grant ? service.Grant(Actor(http), request.UserId, parsed.Role, parsed.Unit) : service.Revoke(Actor(http), request.UserId, parsed.Role, parsed.Unit);
        return outcome switch
        {
            GrantOutcome.Granted or GrantOutcome.Revoked or GrantOutcome.AlreadyHeld or GrantOutcome.NotHeld => Results.Json(new { outcome = outcome.ToString() }),
            GrantOutcome.UnknownUnit => Results.Problem($"There is no unit '{request.Unit}'.", statusCode: 400),
            _ => Results.Problem("A unit admin role needs a unit.", statusCode: 400),
        };
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

    /// <param name="unansweredQuestions">"Ask the notice" questions of the unit's sub-tree the course could not answer;
    /// given for one unit's report, null in the list.</param>
    private static object UnitJson(UnitReport u, int? unansweredQuestions = null) => new
    {
        code = u.Code,
        name = u.Name,
        parent = u.ParentCode,
        members = u.Roster,
        registered = u.Registered,
        active = u.Active,
        blocked = u.Blocked,
        stopped = u.Stopped,
        // People by the channels they use (a linked person once, under both), never channel addresses.
        channels = new { telegramOnly = u.TelegramOnly, zaloOnly = u.ZaloOnly, both = u.BothChannels },
        registeredRate = u.RegisteredRate,
        activeRate = u.ActiveRateRegistered,
        activeRateRoster = u.ActiveRateRoster,
        delivered = u.Delivered,
        acknowledged = u.Acknowledged,
        ackRate = u.AckRate,
        ackRateRoster = u.AckRateRoster,
        quizParticipants = u.QuizParticipants,
        unansweredQuestions,
        items = u.Items.Select(ItemJson),
    };

    private static object ItemJson(ItemFigures i) => new
    {
        id = i.ItemId,
        title = i.Title,
        kind = i.Kind.ToString(),
        delivered = i.Delivered,
        acknowledged = i.Acknowledged,
        onTime = i.OnTime,
        late = i.Late,
        ackRate = i.AckRate,
        medianMinutes = i.MedianAckMinutes,
        reackRequested = i.ReackRequested,
        reacknowledged = i.Reacknowledged,
    };
}
