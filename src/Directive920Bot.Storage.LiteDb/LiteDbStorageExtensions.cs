using Directive920Bot.Storage;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>Registers the embedded store: the engine and one implementation per store the features declare.</summary>
public static class LiteDbStorageExtensions
{
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStorage();
        Reports.ReportsStores.AddReportsStores(builder.Services);
        return builder;
    }
}
