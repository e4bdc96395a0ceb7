namespace Directive920Bot.Channels;

/// <summary>Hourly clean-up of expired callback keys (previews, confirmations, pickers); nothing else depends on it.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class CallbackKeyCleanupJob(CallbackKeyStore keys, ILogger<CallbackKeyCleanupJob> log) : Quartz.IJob
{
    public const string Name = "channels.callback-key-cleanup";

    public ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = keys.PurgeExpired();
        if (purged > 0)
        {
            log.LogInformation("Purged {Count} expired callback keys", purged);
        }

        return ValueTask.CompletedTask;
    }
}
