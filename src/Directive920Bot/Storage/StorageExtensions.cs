using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddClocks();
        builder.Services.AddSingleton(_ => Mapper.Create());
        builder.Services.AddSingleton(sp => new Database(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath,
            sp.GetRequiredService<LiteDB.BsonMapper>(),
            sp.GetServices<StoreSchema>(),
            sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport),
            sp.GetRequiredService<ILogger<Database>>()));
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}
