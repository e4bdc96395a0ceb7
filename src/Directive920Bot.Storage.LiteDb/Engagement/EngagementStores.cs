using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal static class EngagementStores
{
    internal static IServiceCollection AddEngagementStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbAcknowledgements.Schema);
        services.AddSingleton(LiteDbQuizAnswers.Schema);
        services.AddSingleton(LiteDbReviews.Schema);
        services.AddSingleton(LiteDbEscalations.Schema);
        services.AddSingleton(LiteDbFeedback.Schema);
        services.AddSingleton<IAcknowledgements, LiteDbAcknowledgements>();
        services.AddSingleton<IQuizAnswers, LiteDbQuizAnswers>();
        services.AddSingleton<IReviews, LiteDbReviews>();
        services.AddSingleton<IEscalations, LiteDbEscalations>();
        services.AddSingleton<IFeedback, LiteDbFeedback>();
        return services;
    }
}
