using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Hosting;

/// <summary>A host for CLI verbs: the service's own configuration sources and feature registrations, never started.</summary>
internal static class CliHost
{
    /// <summary>
    /// Builds the host of a verb that opens the database. Every such verb comes through here, so this is where a verb
    /// refuses a database the running service holds: LiteDB's direct mode lets a second process open the file and
    /// write under the service. Throws <see cref="DatabaseInUseException"/> before the file is opened.
    /// </summary>
    /// <param name="settings">Configuration that overrides the service's (migrate-store opens two providers at once).</param>
    public static IHost Build(CliContext cli, string? databasePath, Action<IHostApplicationBuilder> features, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var storage = $"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}";
        if (databasePath is not null)
        {
            builder.Configuration[storage] = databasePath;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        // Registered before AddBotCore, whose TryAdd leaves them be: the service's business clock for this database.
        builder.Services.AddKeyedSingleton(Clocks.Transport, cli.Transport);
        // The database path is read once, from the same options the store opens, so the clock and the lock agree with it.
        builder.Services.AddKeyedSingleton<TimeProvider>(Clocks.Business, (sp, _) =>
            cli.Business ?? BusinessClockOf(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath, cli.Transport));
        builder.AddBotCore();
        cli.Storage(builder);
        features(builder);
        var host = builder.Build();
        var store = host.Services.GetRequiredService<IStoreLock>();
        if (store.IsHeld())
        {
            host.Dispose();
            throw DatabaseInUseException.For(store.Location);
        }

        return host;
    }

    /// <summary>
    /// A sandbox database keeps its moved clock beside it (<c>sandbox.clock</c>); the service that runs on it sees that
    /// time, so the CLI does too. Any other database runs on the transport clock's time (the system clock).
    /// </summary>
    private static TimeProvider BusinessClockOf(string databasePath, TimeProvider transport)
    {
        var clockFile = SandboxClock.PathFor(Path.GetFullPath(databasePath));
        return File.Exists(clockFile) ? new SandboxClock(transport, clockFile) : transport;
    }
}
