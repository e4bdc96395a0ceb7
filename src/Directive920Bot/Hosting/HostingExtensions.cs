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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BotClock>();
        return builder;
    }
}
