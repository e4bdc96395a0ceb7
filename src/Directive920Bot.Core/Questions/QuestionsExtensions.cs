using Directive920Bot.Channels;

namespace Directive920Bot.Questions;

public static class QuestionsExtensions
{
    /// <summary>"Ask the notice": the search over the course, the bot's /hoi and free-text answers, and the unanswered list.</summary>
    public static IHostApplicationBuilder AddQuestions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // The store (IUnansweredQuestions) comes from the storage provider.
        services.AddSingleton<NoticeSearch>();
        services.AddSingleton<Web.IApiEndpoints, QuestionsApiEndpoints>();
        services.AddSingleton<QuestionHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<QuestionHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<QuestionHandler>());
        services.AddSingleton<IFreeTextHandler>(sp => sp.GetRequiredService<QuestionHandler>());
        return builder;
    }
}
