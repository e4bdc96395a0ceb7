using System.Net;

namespace Directive920Bot.Web;

/// <summary>Reads the configured listen addresses (<c>urls</c>): which are loopback, which are plain HTTP.</summary>
public static class ListenAddresses
{
    /// <summary>The configured addresses, or the loopback default Web/ binds when none is configured.</summary>
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        return string.IsNullOrWhiteSpace(urls)
            ? [WebExtensions.DefaultUrl]
            : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>127.0.0.0/8, ::1 and "localhost" are loopback; wildcards (*, +, 0.0.0.0, [::]) and anything else are not.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static bool IsPlainHttp(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }

    private static string HostOf(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80) are not valid URIs, so the host is cut out by hand.
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            rest = rest[..slash];
        }

        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : rest;
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
