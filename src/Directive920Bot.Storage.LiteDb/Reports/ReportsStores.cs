using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage.LiteDb.Delivery;
using Directive920Bot.Storage.LiteDb.Engagement;
using Directive920Bot.Storage.LiteDb.Registration;

namespace Directive920Bot.Storage.LiteDb.Reports;

internal static class ReportsStores
{
    /// <summary>The report counters and nudge marks, and the read models of other features that the reports read.</summary>
    internal static IServiceCollection AddReportsStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbReportCounterStore.Schema);
        services.AddSingleton<IReportCounterStore, LiteDbReportCounterStore>();
        services.AddSingleton(LiteDbNudgeMarks.Schema);
        services.AddSingleton<INudgeMarks, LiteDbNudgeMarks>();

        // Read models: each belongs to the feature whose records it reads, and creates the indexes its queries use.
        services.AddSingleton(LiteDbDeliveryHistory.Schema);
        services.AddSingleton<IDeliveryHistory, LiteDbDeliveryHistory>();
        services.AddSingleton(LiteDbAcknowledgementHistory.Schema);
        services.AddSingleton<IAcknowledgementHistory, LiteDbAcknowledgementHistory>();
        services.AddSingleton(LiteDbAnswerHistory.Schema);
        services.AddSingleton<IAnswerHistory, LiteDbAnswerHistory>();
        services.AddSingleton<IOpenReviews, LiteDbOpenReviews>();
        services.AddSingleton<IRegistrationHistory, LiteDbRegistrationHistory>();
        return services;
    }
}
