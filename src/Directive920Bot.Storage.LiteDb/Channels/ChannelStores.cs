using Directive920Bot.Channels;

namespace Directive920Bot.Storage.LiteDb.Channels;

internal static class ChannelStores
{
    /// <summary>The channel adapters' inbox, callback keys and the person directory (channel addresses → person ids).</summary>
    public static IServiceCollection AddChannelStores(this IServiceCollection services)
    {
        services.AddSingleton<IInboxStore, LiteDbInboxStore>();
        services.AddSingleton(LiteDbInboxStore.Schema);
        services.AddSingleton(LiteDbInboxStore.KeyedSchema);
        services.AddSingleton<IOfferedChoicesStore, LiteDbOfferedChoicesStore>();
        services.AddSingleton(LiteDbOfferedChoicesStore.Schema);
        services.AddSingleton<ICallbackKeyRecords, LiteDbCallbackKeyRecords>();
        services.AddSingleton(LiteDbCallbackKeyRecords.Schema);
        services.AddSingleton<IPersonDirectory, LiteDbPersonDirectory>();
        services.AddSingleton(LiteDbPersonDirectory.Schema);
        return services;
    }
}
