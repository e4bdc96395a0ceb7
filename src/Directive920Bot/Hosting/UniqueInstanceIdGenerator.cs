using System.Globalization;
using System.Security.Cryptography;
using Quartz.Extensibility;

namespace Directive920Bot.Hosting;

/// <summary>
/// Names a clustered scheduler: the host name, the process id and 64 random bits. Quartz's own generator takes the host
/// name and the current time, so two instances on one machine (or two containers given the same host name) that start
/// within one tick of the clock — or after the clock was set back — share an id, and a clustered node that shares its
/// id reads its peer's fired triggers as its own and recovers them while the peer is alive.
/// </summary>
public sealed class UniqueInstanceIdGenerator : IInstanceIdGenerator
{
    // Quartz's qrtz_scheduler_state.instance_name is a varchar(200); the host name is cut well below that.
    private const int MaxHostName = 100;

    public ValueTask<string> GenerateInstanceId(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Create());

    /// <summary>A new id (each call differs).</summary>
    public static string Create()
    {
        var host = Environment.MachineName;
        if (host.Length > MaxHostName)
        {
            host = host[..MaxHostName];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{host}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
    }
}
