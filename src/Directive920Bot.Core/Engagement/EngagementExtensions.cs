using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;
using Quartz;

namespace Directive920Bot.Engagement;

public static class EngagementExtensions
{
    public static IHostApplicationBuilder AddEngagement(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EngagementOptions>().BindConfiguration(EngagementOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngagementOptions>, EngagementOptionsValidator>();
        // The stores (IAcknowledgements, IQuizAnswers, IReviews, IEscalations, IFeedback) come from the storage provider.
        services.AddSingleton<EngagementPolicyResolver>();
        services.AddSingleton<AcknowledgementService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<IPauseObserver>(sp => sp.GetRequiredService<ReviewService>());
        services.AddSingleton<QuizService>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReackService>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<IDeliveryDecorator, EngagementDecorator>();
        services.AddSingleton<IDeliveryObserver, QuizAfterDeliveryObserver>();
        services.AddSingleton<IPersonalDataHolder, EngagementPersonalData>();
        services.AddSingleton<ICampaignEngagementSource, DeliveryCampaignEngagementSource>();
        services.AddSingleton<Web.IApiEndpoints, EngagementEndpoints>();
        services.AddSingleton<EngagementHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EngagementHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<EngagementHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<EngagementHandler>());
        services.AddSingleton<IPollAnswerHandler>(sp => sp.GetRequiredService<EngagementHandler>());
        services.AddSingleton<IConsentObserver, HeldQuestionsAskedAgain>();

        var tickSeconds = builder.Configuration.GetValue($"{EngagementOptions.Section}:{nameof(EngagementOptions.TickSeconds)}", new EngagementOptions().TickSeconds);
        services.AddTransient<EngagementTickJob>();
        if (tickSeconds > 0)
        {
            // The first tick waits one interval on the scheduler's own (transport) clock; what is due is read from the business clock.
            services.AddQuartz(q => q.ScheduleJob<EngagementTickJob>(
                (sp, trigger) => trigger.WithIdentity("engagement-tick")
                    .StartAt(sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport).GetUtcNow().AddSeconds(tickSeconds))
                    // Missed ticks are skipped: the next comes within seconds and reads what is due from the business clock.
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(tickSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                (_, job) => job.WithIdentity(EngagementTickJob.Key)));
            // The scheduler's hosted service is registered once, by Delivery (AddDelivery comes first).
        }

        return builder;
    }
}
