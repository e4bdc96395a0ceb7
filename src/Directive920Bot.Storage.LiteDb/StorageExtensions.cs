using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.LiteDb;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddClocks();
        builder.Services.AddSingleton(sp =>
        {
            var mapper = Mapper.Create();
            foreach (var setup in sp.GetServices<MapperSetup>())
            {
                setup.Configure(mapper);
            }

            return mapper;
        });
        builder.Services.AddSingleton(sp => new Database(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath,
            sp.GetRequiredService<LiteDB.BsonMapper>(),
            sp.GetServices<StoreSchema>(),
            sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport),
            sp.GetRequiredService<ILogger<Database>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.MinimumFreeMegabytes * 1048576L,
            ReportZone(sp)));
        builder.Services.AddSingleton<IStorage>(sp => sp.GetRequiredService<Database>());
        // One process writes the file (the instance lock): in-memory state needs no announcements from other instances.
        builder.Services.AddSingleton<IChangeFeed, SingleWriterChangeFeed>();
        builder.Services.AddSingleton<IStoreBackup, LiteDbStoreBackup>();
        builder.Services.AddSingleton<IStoreFiles, LiteDbStoreFiles>();
        builder.Services.AddSingleton<IStoreCopySource, LiteDbStoreCopySource>(); // migrate-store: the file read-only
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<WriterHealthCheck>("writer");
        builder.Services.AddBotMetrics();
        builder.Services.AddSingleton<IMetricSource, StorageMetrics>();
        builder.Services.AddSingleton<IStorageMaintenance>(sp => sp.GetRequiredService<Database>());
        // Taken when the service starts (a CLI host is never started): while it is held, CLI verbs keep out of the file.
        builder.Services.AddSingleton<ServiceInstanceLock>();
        builder.Services.AddSingleton<IStoreLock>(sp => sp.GetRequiredService<ServiceInstanceLock>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceInstanceLock>());
        return builder;
    }

    /// <summary>The bot's zone (<c>Bot:TimeZone</c>, else Vietnam's), for migrations that count by local day.</summary>
    private static TimeZoneInfo ReportZone(IServiceProvider sp)
    {
        BotClock.TryResolveZone(sp.GetService<IOptions<BotOptions>>()?.Value.TimeZone, out var zone);
        return zone;
    }
}
