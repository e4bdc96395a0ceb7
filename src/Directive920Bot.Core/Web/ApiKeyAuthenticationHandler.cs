using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Directive920Bot.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> → a principal with the key name and its <see cref="AccessGrant"/>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    ApiKeyFailures failures,
    IAccessPolicy access) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.IsThrottled(address))
        {
            // Checked before the key: a throttled address learns nothing, not even whether this key was right.
            Context.Items[Throttled] = true;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed API-key attempts."));
        }

        var entry = keys.Match(header["Bearer ".Length..].Trim());
        if (entry is null)
        {
            failures.Record(address);
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

    private const string Throttled = "d920.api-key-throttled";

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(Throttled))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)ApiKeyFailures.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
