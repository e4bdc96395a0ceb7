using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;

namespace Directive920Bot.Implementation;

/// <summary>
/// <c>/api/commitments</c>: the counts per requirement for the caller's units (the bloc's roll-up), and for a unit admin
/// the commitments of their own units' cadres. The texts never reach the bloc: a bloc admin gets counts only.
/// </summary>
internal sealed class CommitmentApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/commitments");
        group.MapGet("/summary", IResult (HttpContext http, string? year, string? branch, CommitmentService service, IUnits units) =>
        {
            if (Scope(http, branch, units, out var scope) is { } denied)
            {
                return denied;
            }

            if (!TryYear(year, service, out var y))
            {
                return Problem("year must look like 2026.", "year");
            }

            return TypedResults.Ok(new
            {
                year = y,
                units = scope.Count,
                requirements = service.Counts(y, scope).Select(c => new
                {
                    requirement = c.RequirementId,
                    committed = c.Committed,
                    midYear = new { done = c.MidYearDone, partly = c.MidYearPartly, notYet = c.MidYearNotYet },
                    yearEnd = new { done = c.YearEndDone, partly = c.YearEndPartly, notYet = c.YearEndNotYet },
                }),
            });
        });

        group.MapGet("/units/{unit}", IResult (HttpContext http, string unit, string? year, CommitmentService service, IUnits units, ISubscribers subscribers) =>
        {
            var access = ReportsApi.Access(http);
            if (access is null)
            {
                return TypedResults.Unauthorized();
            }

            var code = unit.Trim().ToUpperInvariant();
            // Texts belong to the cadre's own unit: a unit admin of that unit (or a unit above it) reads them, the bloc does not.
            if (access.Role != AdminRole.UnitAdmin || !access.Covers(units, code))
            {
                return TypedResults.Problem("Commitment texts are visible to the leaders of the cadre's own unit only; the bloc sees counts (/api/commitments/summary).",
                    statusCode: StatusCodes.Status403Forbidden);
            }

            if (!TryYear(year, service, out var y))
            {
                return Problem("year must look like 2026.", "year");
            }

            return TypedResults.Ok(service.ForUnits(y, units.SubTreeCodes([code])).Select(c => new
            {
                unit = c.UnitCode,
                fullName = subscribers.Find(c.PersonId)?.FullName,
                items = c.Items.Select(i => new { requirement = i.RequirementId, text = i.Text, midYear = Name(i.MidYear), yearEnd = Name(i.YearEnd) }),
            }));
        });
    }

    private static IResult? Scope(HttpContext http, string? branch, IUnits units, out IReadOnlyList<string> scope)
    {
        scope = [];
        var access = ReportsApi.Access(http);
        if (access is null)
        {
            return TypedResults.Unauthorized();
        }

        if (!access.IsAdmin)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        scope = access.VisibleUnits(units);
        if (!string.IsNullOrWhiteSpace(branch))
        {
            var code = branch.Trim().ToUpperInvariant();
            if (!access.Covers(units, code))
            {
                return access.IsBlocAdmin ? TypedResults.NotFound() : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }

            scope = units.SubTreeCodes([code]);
        }

        return null;
    }

    private static bool TryYear(string? text, CommitmentService service, out int year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = service.CurrentYear;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2200;
    }

    private static string? Name(SelfAssessment? value) => value switch
    {
        SelfAssessment.Done => "done",
        SelfAssessment.Partly => "partly",
        SelfAssessment.NotYet => "notYet",
        _ => null,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(string detail, string field) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail);
}
