using Directive920Bot.Storage;

namespace Directive920Bot.Hosting;

/// <summary>A host for CLI verbs: the service's own configuration sources and feature registrations, never started.</summary>
internal static class CliHost
{
    public static IHost Build(string? databasePath, Action<IHostApplicationBuilder> features)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (databasePath is not null)
        {
            builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] = databasePath;
        }

        builder.AddBotCore();
        builder.AddStorage();
        features(builder);
        return builder.Build();
    }
}
