using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary>A feature's part of the admin API; mapped under <c>/api</c>, which requires an API key of a unit or bloc admin.</summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}

/// <summary>One configured API key (the key itself is never logged).</summary>
public sealed record ApiKeyEntry(string Name, string Key, AdminRole? Role, IReadOnlyList<string> Units, long? UserId);

/// <summary>
/// Reads <c>Admin:ApiKeys</c> on every request (so a configuration reload applies). Two forms:
/// <c>Admin:ApiKeys:&lt;name&gt; = key</c> (a bloc admin), or <c>Admin:ApiKeys:&lt;name&gt;:Key</c> with <c>:Role</c>
/// (BlocAdmin | UnitAdmin) and <c>:Units:0..</c>, or with <c>:UserId</c> (the role is that user's, from the role store).
/// </summary>
public sealed class ApiKeyStore(IConfiguration configuration)
{
    public const string Section = "Admin:ApiKeys";

    public IReadOnlyList<ApiKeyEntry> Entries()
    {
        var entries = new List<ApiKeyEntry>();
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                entries.Add(new ApiKeyEntry(child.Key, child.Value, AdminRole.BlocAdmin, [], null));
                continue;
            }

            var key = child["Key"];
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            AdminRole? role = Enum.TryParse<AdminRole>(child["Role"], ignoreCase: true, out var parsed) ? parsed : null;
            long? userId = long.TryParse(child["UserId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            var units = child.GetSection("Units").GetChildren().Select(u => u.Value).OfType<string>().ToList();
            entries.Add(new ApiKeyEntry(child.Key, key, role ?? (userId is null && child["Role"] is null ? AdminRole.BlocAdmin : null), units, userId));
        }

        return entries;
    }

    /// <summary>The entry whose key equals <paramref name="presented"/>, compared in constant time.</summary>
    public ApiKeyEntry? Match(string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? found = null;
        foreach (var entry in Entries())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key))))
            {
                found ??= entry;
            }
        }

        return found;
    }
}

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> → a principal with the key name and its <see cref="AccessGrant"/>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IAccessPolicy access) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var entry = keys.Match(header["Bearer ".Length..].Trim());
        if (entry is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var grant = entry.UserId is { } userId ? access.For(userId) : new AccessGrant(entry.Role ?? AdminRole.Cadre, entry.Units);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, entry.Name),
            new(ApiAuth.RoleClaim, grant.Role.ToString()),
        };
        claims.AddRange(grant.Units.Select(u => new Claim(ApiAuth.UnitClaim, u)));
        if (entry.UserId is { } user)
        {
            claims.Add(new Claim(ApiAuth.UserClaim, user.ToString(CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuth.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiAuth.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

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
