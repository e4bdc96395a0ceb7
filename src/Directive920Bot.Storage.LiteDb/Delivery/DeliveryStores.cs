using Directive920Bot.Delivery;
using Directive920Bot.Storage.LiteDb.Delivery;

// In the provider's root namespace, so that AddLiteDbStorage calls it without a using of its own.
namespace Directive920Bot.Storage.LiteDb;

internal static class DeliveryStores
{
    /// <summary>The ledger, campaigns, track positions and broadcast drafts, with their collections' schemas.</summary>
    internal static IServiceCollection AddDeliveryStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbDeliveryLedger.Schema);
        services.AddSingleton<IDeliveryLedgerStore, LiteDbDeliveryLedger>();
        services.AddSingleton(LiteDbCampaigns.Schema);
        services.AddSingleton<ICampaigns, LiteDbCampaigns>();
        services.AddSingleton(LiteDbTrackPositions.Schema);
        services.AddSingleton<ITrackPositions, LiteDbTrackPositions>();
        services.AddSingleton(LiteDbBroadcastDrafts.Schema);
        services.AddSingleton<IBroadcastDrafts, LiteDbBroadcastDrafts>();
        return services;
    }
}
