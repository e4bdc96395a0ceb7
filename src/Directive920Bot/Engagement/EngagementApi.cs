using System.Security.Claims;
using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

/// <summary>Who is calling the admin API, as a role and unit scope; the delivery/reports API decides how callers authenticate.</summary>
public interface IApiCallerAccess
{
    AccessGrant For(HttpContext http);
}

/// <summary>
/// Reads the caller's grant from claims: <c>role</c> (BlocAdmin/UnitAdmin) and <c>unit</c> claims. An authenticated caller
/// without a role claim holds a staff API key (issue 4's keys are the propaganda staff's), so it is a bloc admin.
/// </summary>
internal sealed class ClaimsCallerAccess : IApiCallerAccess
{
    public AccessGrant For(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessGrant.Cadre;
        }

        var role = user.FindFirstValue("role");
        if (role is null || role.Equals(nameof(AdminRole.BlocAdmin), StringComparison.OrdinalIgnoreCase))
        {
            return new AccessGrant(AdminRole.BlocAdmin, []);
        }

        var units = user.FindAll("unit").Select(c => c.Value).ToList();
        return role.Equals(nameof(AdminRole.UnitAdmin), StringComparison.OrdinalIgnoreCase) && units.Count > 0
            ? new AccessGrant(AdminRole.UnitAdmin, units)
            : AccessGrant.Cadre;
    }
}

public sealed record ReackRequest(string? Note);

public static class EngagementApi
{
    /// <summary>Adds the engagement endpoints to the admin <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapEngagementApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/items/{id}/reack", (string id, ReackRequest? body, HttpContext http, IApiCallerAccess access, ReackService reack) =>
        {
            if (!access.For(http).IsBlocAdmin)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only bloc admins may ask for re-acknowledgement.");
            }

            var note = body?.Note?.Trim();
            if (string.IsNullOrEmpty(note) || note.Length > ReackService.MaxNoteLength)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["note"] = [$"note must say what changed in 1–{ReackService.MaxNoteLength} characters, was {note?.Length ?? 0}."],
                });
            }

            var result = reack.Request(id, note);
            return result.ItemFound
                ? Results.Ok(new { item = id, enqueued = result.Enqueued, alreadyCurrent = result.AlreadyCurrent })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No content item '{id}'.");
        });

        api.MapGet("/feedback", (HttpContext http, IApiCallerAccess access, FeedbackStore feedback, UnitStore units) =>
        {
            var grant = access.For(http);
            if (!grant.IsAdmin)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only bloc and unit admins may read feedback.");
            }

            var items = grant.IsBlocAdmin ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes(grant.Units));
            return Results.Ok(items.Select(f => new { f.Id, f.Anonymous, f.SubscriberId, f.UnitCode, f.Text, f.CreatedAt }));
        });

        api.MapGet("/escalations", (HttpContext http, IApiCallerAccess access, EscalationStore escalations, UnitStore units) =>
        {
            var grant = access.For(http);
            if (!grant.IsAdmin)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only bloc and unit admins may read escalations.");
            }

            var items = grant.IsBlocAdmin ? escalations.Open() : escalations.OpenForUnits(units.SubTreeCodes(grant.Units));
            return Results.Ok(items.Select(e => new { e.Id, e.UnitCode, e.SubscriberId, e.ItemId, e.Subject, e.DeliveredAt, e.Since }));
        });

        return api;
    }
}
