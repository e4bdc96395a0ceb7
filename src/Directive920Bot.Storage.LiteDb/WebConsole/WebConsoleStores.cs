using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

internal static class WebConsoleStores
{
    /// <summary>The web console's sign-in links and session stamps; the handled marks of feedback and questions and the feedback page's paged rows.</summary>
    internal static IServiceCollection AddWebConsoleStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbConsoleSignIns.Schema);
        services.AddSingleton<IConsoleSignIns, LiteDbConsoleSignIns>();
        services.AddSingleton(LiteDbHandledMarks.Schema);
        services.AddSingleton<IHandledMarks, LiteDbHandledMarks>();
        services.AddSingleton<IInboxItems, LiteDbInboxItems>();
        return services;
    }
}
