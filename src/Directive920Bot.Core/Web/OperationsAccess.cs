using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary>
/// Decides whether a request may see operational detail. Loopback counts only when no proxy forwarded the request:
/// behind Caddy or nginx on the same machine every request comes from loopback, and the internet must not inherit that.
/// </summary>
public sealed class OperationsAccess(IOptions<OperationsOptions> options)
{
    public const string KeyHeader = "X-Metrics-Key";

    /// <summary>Metrics: the metrics key, or loopback with no proxy in between.</summary>
    public bool IsTrusted(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HasKey(context))
        {
            return true;
        }

        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
        return !forwarded && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
    }

    /// <summary>
    /// The metrics key was presented. Health descriptions need a key, not loopback alone: a caller with no credentials
    /// is anonymous wherever it connects from, and a proxy that does not add forwarding headers would look local.
    /// </summary>
    public bool HasKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = options.Value.Key;
        return !string.IsNullOrEmpty(key) && Presented(context.Request) is { Length: > 0 } given &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers[KeyHeader].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
