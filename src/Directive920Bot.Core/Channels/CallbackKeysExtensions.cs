using Quartz;

namespace Directive920Bot.Channels;

public static class CallbackKeysExtensions
{
    /// <summary>The opaque keys behind buttons, shared by every channel that has buttons, and their hourly clean-up.</summary>
    public static IServiceCollection AddCallbackKeys(this IServiceCollection services)
    {
        services.AddSingleton<CallbackKeyStore>();
        services.AddQuartz(q => q.ScheduleJob<CallbackKeyCleanupJob>(
            t => t.WithIdentity(CallbackKeyCleanupJob.Name).StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            j => j.WithIdentity(CallbackKeyCleanupJob.Name)));
        return services;
    }
}
