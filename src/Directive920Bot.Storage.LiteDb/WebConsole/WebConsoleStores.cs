using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

internal static class WebConsoleStores
{
    /// <summary>The web console's sign-in links and session stamps.</summary>
    internal static IServiceCollection AddWebConsoleStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbConsoleSignIns.Schema);
        services.AddSingleton<IConsoleSignIns, LiteDbConsoleSignIns>();
        return services;
    }
}
