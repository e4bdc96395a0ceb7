using System.Globalization;
using System.Security.Claims;
using Directive920Bot.Admin;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Directive920Bot.WebConsole;

/// <summary>
/// The console's cookie session. The cookie names the person and the session stamp it was issued with; the role and
/// units are read again from the roles on every request (<see cref="ValidateAsync"/>), so a revoked admin is out at
/// their next click and the scope is exactly the bot's.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "Console";
    public const string Policy = "Console";
    public const string CookieName = "d920.console";
    public const string StampClaim = "d920:stamp";

    public static ClaimsPrincipal Principal(long personId, string stamp, AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var id = personId.ToString(CultureInfo.InvariantCulture);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "web:" + id),
            new(ApiAuth.UserClaim, id),
            new(StampClaim, stamp),
            new(ApiAuth.RoleClaim, grant.Role.ToString()),
        };
        claims.AddRange(grant.Units.Select(u => new Claim(ApiAuth.UnitClaim, u)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>The signed-in person, from a principal this scheme issued.</summary>
    public static long? PersonOf(ClaimsPrincipal? user) =>
        user?.Identity?.AuthenticationType == Scheme
        && long.TryParse(user.FindFirstValue(ApiAuth.UserClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The stamp must still be current (no <c>/web logout</c> since) and the person still an admin.</summary>
    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var person = long.TryParse(context.Principal?.FindFirstValue(ApiAuth.UserClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var grant = person is { } p ? services.GetRequiredService<IAccessPolicy>().For(p) : AccessGrant.Cadre;
        if (person is null || stamp is null || !grant.IsAdmin || !services.GetRequiredService<ConsoleSignInService>().IsCurrent(person.Value, stamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.ReplacePrincipal(Principal(person.Value, stamp, grant));
    }
}
