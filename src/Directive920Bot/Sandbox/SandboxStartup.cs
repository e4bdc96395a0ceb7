using Directive920Bot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Sandbox;

/// <summary>Seeds the sandbox before anything else starts, and prints the one line to open once the web server listens.</summary>
public sealed class SandboxStartup(
    SandboxDemo demo,
    SandboxClockControl clockControl,
    IOptions<SandboxOptions> options,
    IServer server,
    ISandboxAnnouncer announcer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        clockControl.InitialiseFreshClock(options.Value.StartAt);
        demo.Seed();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        announcer.Announce($"Sandbox: open {SandboxUrl(server)}");
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static Uri SandboxUrl(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? WebExtensions.DefaultUrl;
        // A wildcard binding is opened on this machine through loopback.
        address = address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/sandbox");
    }
}
