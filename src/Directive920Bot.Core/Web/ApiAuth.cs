using System.Globalization;
using System.Security.Claims;
using Directive920Bot.Admin;

namespace Directive920Bot.Web;

public static class ApiAuth
{
    public const string Scheme = "ApiKey";
    public const string UnitAdminPolicy = "UnitAdmin";
    public const string BlocAdminPolicy = "BlocAdmin";
    public const string RoleClaim = "d920:role";
    public const string UnitClaim = "d920:unit";
    public const string UserClaim = "d920:user";

    /// <summary>What the caller of an admin endpoint may do (from the API key's principal); Cadre when anonymous.</summary>
    public static AccessGrant GetAccess(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !Enum.TryParse<AdminRole>(user.FindFirstValue(RoleClaim), out var role))
        {
            return AccessGrant.Cadre;
        }

        return new AccessGrant(role, user.FindAll(UnitClaim).Select(c => c.Value).ToList());
    }

    /// <summary>The caller as the audit log names them: the key's name, and the Telegram user the key names (if any).</summary>
    public static Actor GetActor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = long.TryParse(context.User.FindFirstValue(UserClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        return Actor.Api(context.GetKeyName(), user);
    }

    /// <summary>The configured name of the API key used (for audit fields such as createdBy).</summary>
    public static string GetKeyName(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return "api:" + (context.User.Identity?.Name ?? "anonymous");
    }
}
