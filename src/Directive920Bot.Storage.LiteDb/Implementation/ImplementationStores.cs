using Directive920Bot.Implementation;

namespace Directive920Bot.Storage.LiteDb.Implementation;

internal static class ImplementationStores
{
    internal static IServiceCollection AddImplementationStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbImplementationReports.Schema);
        services.AddSingleton<IImplementationReports, LiteDbImplementationReports>();
        services.AddSingleton(LiteDbCommitments.Schema);
        services.AddSingleton<ICommitments, LiteDbCommitments>();
        return services;
    }
}
