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
            t => t.WithIdentity(CallbackKeyCleanupJob.Name).StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            j => j.WithIdentity(CallbackKeyCleanupJob.Name)));
        return services;
    }
}
