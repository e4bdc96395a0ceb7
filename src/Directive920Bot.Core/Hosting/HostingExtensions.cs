using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Hosting;

public static class HostingExtensions
{
    /// <summary>Options shared by every feature: time zone, languages, super-admins, and the clock.</summary>
    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Secrets as files (Docker/Kubernetes style): a file named Telegram__BotToken holds the token.
        var secrets = builder.Configuration["SecretsDirectory"] ?? "/run/secrets/directive920bot";
        builder.Configuration.AddKeyPerFile(secrets, optional: true);
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        builder.Services.AddClocks();
        builder.Services.AddSingleton<BotClock>();
        builder.Services.AddBotMetrics();
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            // One JSON object per line (journald, Docker, Loki); the framework's formatter, message templates kept as fields.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.FormatterName = Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Json);
        }

        return builder;
    }

    /// <summary>
    /// The two clocks (see <see cref="Clocks"/>), unless the host (the sandbox, the CLI, a test) registered its own first.
    /// This is the only place that names the system clock; features that run on their own (the content loader, the
    /// store) call it too, so each works without the rest of the composition.
    /// </summary>
    public static IServiceCollection AddClocks(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(Clocks.Business, TimeProvider.System);
        services.TryAddKeyedSingleton(Clocks.Transport, TimeProvider.System);
        // Libraries that take the unkeyed TimeProvider (Quartz decides when to wake jobs with it) get the transport clock.
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TimeProvider>(Clocks.Transport));
        return services;
    }
}
