using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Directive920Bot.WebConsole;

/// <summary>The console's public address: <c>Admin:PublicBaseUrl</c>, or the service's own first listening address.</summary>
public sealed class ConsoleLinks(IConfiguration configuration, IServer server)
{
    public string BaseUrl
    {
        get
        {
            var configured = configuration[ConsoleOptions.PublicBaseUrlKey];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }

            // Unset (a single machine, the sandbox, tests): the address Kestrel actually bound, port 0 resolved.
            var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Web.WebExtensions.DefaultUrl;
            return bound.TrimEnd('/');
        }
    }

    public string SignIn(string token) => $"{BaseUrl}/signin/{token}";
}
