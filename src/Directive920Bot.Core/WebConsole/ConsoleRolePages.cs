using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Web;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Người dùng / People: granting and revoking admin roles with exactly the bot's rules (<c>/grant</c>, <c>/revoke</c>):
/// bloc admins only, a unit admin role needs a known unit, each change audited by <see cref="RoleService"/>. A unit
/// admin who posts the form anyway gets 403 and the reason; nothing changes.
/// </summary>
internal static class ConsoleRolePages
{
    public static RouteGroupBuilder MapConsoleRoles(this RouteGroupBuilder console)
    {
        console.MapPost("/people/role", async (HttpContext http, RoleService roles, ISubscribers subscribers, IUnits units, IAccessPolicy access) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            RoleOutcome outcome;
            var status = StatusCodes.Status200OK;
            if (!http.GetAccess().IsBlocAdmin)
            {
                outcome = new RoleOutcome(ConsoleDeskTexts.RoleBlocOnly, []);
                status = StatusCodes.Status403Forbidden;
            }
            else if (!long.TryParse(form["user"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0
                || RoleService.ParseRole(form["role"].ToString(), form["unit"].ToString()) is not { } parsed
                || (parsed.Role == AdminRole.UnitAdmin && string.IsNullOrWhiteSpace(parsed.Unit))
                || form["action"].ToString() is not ("grant" or "revoke"))
            {
                outcome = new RoleOutcome(ConsoleDeskTexts.RoleBadForm, []);
                status = StatusCodes.Status400BadRequest;
            }
            else
            {
                var actor = ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console;
                var result = form["action"] == "grant" ? roles.Grant(actor, userId, parsed.Role, parsed.Unit) : roles.Revoke(actor, userId, parsed.Role, parsed.Unit);
                var label = RoleService.Describe(parsed.Role, parsed.Unit);
                var id = userId.ToString(CultureInfo.InvariantCulture);
                outcome = result switch
                {
                    GrantOutcome.Granted => new RoleOutcome(ConsoleDeskTexts.RoleGranted, [label, id]),
                    GrantOutcome.Revoked => new RoleOutcome(ConsoleDeskTexts.RoleRevoked, [label, id]),
                    GrantOutcome.AlreadyHeld => new RoleOutcome(ConsoleDeskTexts.RoleAlreadyHeld, [label, id]),
                    GrantOutcome.NotHeld => new RoleOutcome(ConsoleDeskTexts.RoleNotHeld, [label, id]),
                    GrantOutcome.UnknownUnit => new RoleOutcome(ConsoleDeskTexts.RoleUnknownUnit, [parsed.Unit]),
                    _ => new RoleOutcome(ConsoleDeskTexts.RoleBadForm, []),
                };
                status = result is GrantOutcome.UnknownUnit or GrantOutcome.UnitRequired ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            }

            return ConsoleHttp.Page<Components.PeoplePage>(http,
                new PeopleModel(ConsolePeople.Search(http, null, subscribers, units, access), null, null) { Role = outcome }, status);
        });
        return console;
    }
}

/// <summary>What the role form did, as a text and its arguments (role, user id) in the console's language.</summary>
public sealed record RoleOutcome(Localization.Loc Text, IReadOnlyList<object?> Args);
