using Directive920Bot.Hosting;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Directive920Bot.Delivery;

public static class DeliveryExtensions
{
    /// <summary>
    /// The ledger, calendar, campaigns and track services (no hosted services): what the CLI needs too. Their stores
    /// are the storage provider's to register.
    /// </summary>
    public static IHostApplicationBuilder AddDeliveryCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddOptions<CampaignApprovalOptions>().BindConfiguration(CampaignApprovalOptions.Section);
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignTestSend>();
        services.AddSingleton<CampaignLabels>();
        services.AddSingleton<TrackService>();
        return builder;
    }

    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDeliveryCore();
        var services = builder.Services;
        services.AddSingleton<PacingGate>();
        // Replaces the foundation's unpaced placeholder: every send of the channel now shares one budget.
        services.Replace(ServiceDescriptor.Singleton<IOutboundGate>(sp => sp.GetRequiredService<PacingGate>()));
        // The embedded store's lease; a shared store's provider registers its own first (one dispatcher per bot across instances).
        services.TryAddSingleton<IDispatcherLease, InstanceDispatcherLease>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddBotMetrics();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<IDeliveryObserver>(sp => sp.GetRequiredService<DeliveryMetrics>());
        services.AddSingleton<IMetricSource>(sp => sp.GetRequiredService<DeliveryMetrics>());
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        services.AddHostedService<ChunkMaterialiser>();
        services.AddSingleton<PauseHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<PauseHandler>());
        services.AddSingleton<IPersonalDataHolder, DeliveryPersonalData>();
        services.AddSingleton<IApiEndpoints, CampaignEndpoints>();
        // Campaign authoring in the bot (/broadcast, /campaigns) sits with the campaigns it creates and follows.
        services.AddSingleton<IPersonalDataHolder, BroadcastDraftPersonalData>();
        services.AddSingleton<BroadcastHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<BroadcastHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<BroadcastHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<BroadcastHandler>());

        // Quartz only ticks; what is due is decided on the business clock by the services (AddQuartz is additive).
        var delivery = builder.Configuration.GetSection(DeliveryOptions.Section);
        var tick = delivery.GetValue(nameof(DeliveryOptions.TickInterval), new DeliveryOptions().TickInterval);
        var trackTick = delivery.GetValue(nameof(DeliveryOptions.TrackInterval), new DeliveryOptions().TrackInterval);
        // Misfires: short ticks skip what they missed (the next tick comes within seconds and reads what is due from the
        // business clock); replaying a burst of missed ticks would only repeat the same look.
        services.AddQuartz(q =>
        {
            q.ScheduleJob<CampaignTickJob>(
                t => t.WithIdentity(CampaignTickJob.Name).StartNow().WithSchedule(SimpleScheduleBuilder.Create().WithInterval(Positive(tick)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity(CampaignTickJob.Name));
            q.ScheduleJob<TrackTickJob>(
                t => t.WithIdentity(TrackTickJob.Name).StartNow().WithSchedule(SimpleScheduleBuilder.Create().WithInterval(Positive(trackTick)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity(TrackTickJob.Name));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    // The validator reports bad values at start; Quartz must not throw first while registering.
    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.FromSeconds(5);
}
