using Directive920Bot.Channels;

namespace Directive920Bot.Storage.LiteDb.Channels;

internal static class ChannelStores
{
    /// <summary>The channel adapters' inbox and callback keys.</summary>
    public static IServiceCollection AddChannelStores(this IServiceCollection services)
    {
        services.AddSingleton<IInboxStore, LiteDbInboxStore>();
        services.AddSingleton(LiteDbInboxStore.Schema);
        services.AddSingleton<ICallbackKeyRecords, LiteDbCallbackKeyRecords>();
        services.AddSingleton(LiteDbCallbackKeyRecords.Schema);
        return services;
    }
}
