using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Directive920Bot.Zalo;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// Sandbox mode, only when no bot token is configured: the in-repo emulator runs in-process on loopback and the real
    /// Telegram client talks to it; a separate database, the demo organisation, an adjustable clock and the chat
    /// simulator under /sandbox. With a token this adds nothing at all.
    /// </summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        if (!IsSandboxMode(configuration, options, builder.Environment))
        {
            return builder;
        }

        // The sandbox's page and user API post as any Telegram id, super-admins included, with no login: this machine only.
        RequireLoopback(configuration);

        // One newcomer watches: the periodic jobs tick every few seconds instead of every minute (unless configured).
        foreach (var (key, value) in SandboxTickDefaults)
        {
            configuration[key] ??= value;
        }

        // Both channels run against the in-process emulator (its Telegram API and its Zalo dialect), so the newcomer can
        // pick either per persona. These placeholders only make the adapters register; the emulator's tokens replace them
        // below, before anything uses them.
        configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"] = SandboxTokenPlaceholder;
        configuration[$"{ZaloOptions.Section}:{nameof(ZaloOptions.BotToken)}"] = SandboxTokenPlaceholder;

        var services = builder.Services;
        var databasePath = Path.GetFullPath(options.DatabasePath);
        var clockPath = SandboxClock.PathFor(databasePath);
        if (options.Reset)
        {
            // Start over: the database, its LiteDB log and the stored clock offset.
            foreach (var file in new[] { databasePath, Path.ChangeExtension(databasePath, null) + "-log" + Path.GetExtension(databasePath), clockPath })
            {
                // File.Delete tolerates a missing file but not a missing folder (a fresh clone has no data/ yet).
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddSingleton(new SandboxMode(databasePath));
        // The sandbox clock is the business clock; pacing, back-off and the scheduler's wake-ups stay on the transport clock.
        services.AddSingleton(sp => new SandboxClock(sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport), clockPath));
        services.RemoveAllKeyed<TimeProvider>(Hosting.Clocks.Business);
        services.AddKeyedSingleton<TimeProvider>(Hosting.Clocks.Business, (sp, _) => sp.GetRequiredService<SandboxClock>());

        // The sandbox is a demonstration on this machine, in any environment: an unset controller gets the marked demo value.
        services.PostConfigure<Registration.PrivacyOptions>(o => o.UseDemoValuesWhereUnset());

        // The production database is never touched in sandbox mode, whatever Storage:DatabasePath says.
        services.PostConfigure<StorageOptions>(o => o.DatabasePath = databasePath);

        // The emulator starts when the Telegram options are first needed (start-up validation, before any hosted
        // service); the container disposes it at stop, after the poller has stopped.
        services.AddSingleton(sp => SandboxEmulator.Start(sp.GetRequiredService<SandboxClock>()));
        services.AddOptions<TelegramOptions>().PostConfigure<SandboxEmulator>((o, sandbox) =>
        {
            o.BotToken = sandbox.Emulator.Token;
            o.ApiBaseUrl = sandbox.Emulator.BaseUrl.ToString().TrimEnd('/');
            o.PollTimeoutSeconds = Math.Min(o.PollTimeoutSeconds, 5);
        });
        services.AddOptions<ZaloOptions>().PostConfigure<SandboxEmulator>((o, sandbox) =>
        {
            // The real Zalo adapter polls the emulator's Zalo dialect, exactly as it would poll the Bot Platform.
            o.BotToken = sandbox.Emulator.Zalo.Token;
            o.ApiBaseUrl = sandbox.Emulator.ZaloBaseUrl.ToString();
            o.Mode = ZaloMode.Polling;
            o.PollTimeoutSeconds = Math.Min(o.PollTimeoutSeconds, 5);
            // One newcomer: Zalo's conservative pacing would only make the typed replies feel slow.
            o.PerChatInterval = TimeSpan.Zero;
        });

        services.TryAddSingleton<ISandboxAnnouncer>(new ConsoleSandboxAnnouncer(Console.Out));
        services.AddSingleton<SandboxDemo>();
        services.AddSingleton<SandboxPanels>();
        services.AddSingleton<SandboxClockControl>();
        services.AddHostedService<SandboxStartup>();
        services.AddHttpClient(SandboxEndpoints.EmulatorClient);
        services.AddTransient<IStartupFilter, SandboxStartupFilter>();
        return builder;
    }

    private const string SandboxTokenPlaceholder = "sandbox-emulator";

    /// <summary>Read by the features when they register their jobs, so AddSandbox comes before them in AppComposition.</summary>
    private static readonly (string Key, string Value)[] SandboxTickDefaults =
    [
        ("Delivery:TrackInterval", "00:00:02"),
        ("Engagement:TickSeconds", "2"),
    ];

    /// <summary>
    /// No token, and either the Development environment (as <c>dotnet run</c> sets) with the sandbox not switched off,
    /// or <c>Sandbox:Enabled=true</c> explicitly. A configured token always wins: production never starts the sandbox.
    /// </summary>
    public static bool IsSandboxMode(IConfiguration configuration, SandboxOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"]) ||
            !string.IsNullOrWhiteSpace(configuration["Zalo:BotToken"]))
        {
            return false;
        }

        return options.Enabled ?? environment.IsDevelopment();
    }

    /// <summary>Every configured address must be loopback (or "localhost"); a wildcard or a LAN address stops the start.</summary>
    internal static void RequireLoopback(IConfiguration configuration)
    {
        foreach (var url in Web.ListenAddresses.From(configuration))
        {
            if (!Web.ListenAddresses.IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"The sandbox listens on loopback only (its pages post as any Telegram id, with no login), but urls is '{url}'. " +
                    "Use http://127.0.0.1:<port>, or configure Telegram:BotToken to run the real bot.");
            }
        }
    }
}
