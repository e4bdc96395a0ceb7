using Directive920Bot.Registration;
using Directive920Bot.Web;

namespace Directive920Bot.Engagement;

public static class EngagementApi
{
    public static RouteGroupBuilder MapEngagementApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/items/{id}/reack", (HttpContext http, string id, ReackRequest? body, ReackService reack) =>
        {
            var note = body?.Note?.Trim();
            if (string.IsNullOrEmpty(note) || note.Length > ReackService.MaxNoteLength)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["note"] = [$"note must say what changed in 1–{ReackService.MaxNoteLength} characters, was {note?.Length ?? 0}."],
                });
            }

            var result = reack.Request(id, note);
            if (result.ItemFound)
            {
                // Asking everyone again is a campaign change: audited like the others (who, what, when).
                var actor = long.TryParse(http.User.FindFirst(ApiAuth.UserClaim)?.Value, System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var user) ? user : Directive920Bot.Admin.AuditLog.Console;
                http.RequestServices.GetService<Directive920Bot.Admin.AuditLog>()?.Write(actor, "item.reack", id,
                    FormattableString.Invariant($"{result.Enqueued} enqueued ({http.GetKeyName()})"));
            }

            return result.ItemFound
                ? Results.Ok(new { item = id, enqueued = result.Enqueued, alreadyCurrent = result.AlreadyCurrent })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No content item '{id}'.");
        }).RequireAuthorization(ApiAuth.BlocAdminPolicy);

        api.MapGet("/feedback", (HttpContext http, IFeedback feedback, Registration.IUnits units) =>
        {
            var grant = http.GetAccess();
            var items = grant.IsBlocAdmin ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes(grant.Units));
            return Results.Ok(items.Select(f => new { f.Id, f.Anonymous, f.SubscriberId, f.UnitCode, f.Text, f.CreatedAt, f.Source, f.RequirementId, f.PeriodId }));
        });

        api.MapGet("/escalations", (HttpContext http, IEscalations escalations, Registration.IUnits units) =>
        {
            var grant = http.GetAccess();
            var items = grant.IsBlocAdmin ? escalations.Open() : escalations.OpenForUnits(units.SubTreeCodes(grant.Units));
            return Results.Ok(items.Select(e => new { e.Id, e.UnitCode, e.SubscriberId, e.ItemId, e.Subject, e.DeliveredAt, e.Since }));
        });

        return api;
    }
}
