using Directive920Bot.Questions;

namespace Directive920Bot.Storage.LiteDb.Questions;

internal static class QuestionsStores
{
    internal static IServiceCollection AddQuestionsStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbUnansweredQuestions.Schema);
        services.AddSingleton<IUnansweredQuestions, LiteDbUnansweredQuestions>();
        return services;
    }
}
