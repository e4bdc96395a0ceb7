using Directive920Bot.Media;

namespace Directive920Bot.Storage.LiteDb.Media;

internal static class MediaStores
{
    /// <summary>The short-lived media links (images served by URL for Zalo).</summary>
    internal static IServiceCollection AddMediaStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbMediaLinks.Schema);
        services.AddSingleton<IMediaLinks, LiteDbMediaLinks>();
        return services;
    }
}
