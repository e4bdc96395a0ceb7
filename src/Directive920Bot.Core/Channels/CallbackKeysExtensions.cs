using Quartz;

namespace Directive920Bot.Channels;

public static class CallbackKeysExtensions
{
    /// <summary>
    /// The opaque keys behind buttons and their hourly clean-up, and the channel-neutral <see cref="InboundRouter"/>:
    /// shared by every channel adapter, so registered once however many adapters call this.
    /// </summary>
    public static IServiceCollection AddCallbackKeys(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CallbackKeyStore)))
        {
            return services;
        }

        services.AddSingleton<CallbackKeyStore>();
        services.AddSingleton<InboundRouter>();
        services.AddQuartz(q => q.ScheduleJob<CallbackKeyCleanupJob>(
            t => t.WithIdentity(CallbackKeyCleanupJob.Name).StartNow()
                // Housekeeping: a missed clean-up waits for the next hour; nothing is late for anyone because of it.
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            j => j.WithIdentity(CallbackKeyCleanupJob.Name)));
        return services;
    }
}
