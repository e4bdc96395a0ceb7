using Directive920Bot.Hosting;

namespace Directive920Bot.Registration;

/// <summary>The thin Quartz tick of retention: what is past its period is decided by <see cref="RetentionService"/> on the business clock.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionService retention, BotClock clock) : Quartz.IJob
{
    public const string Name = "privacy.retention";

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The trigger fires at start too; runs come every Retention:RunEvery after it, not at each start.
        if (context?.PreviousFireTimeUtc is not null)
        {
            await retention.PurgeAsync(clock.UtcNow);
        }
    }
}
