using Directive920Bot.Hosting;
using Quartz;

namespace Directive920Bot.Implementation;

/// <summary>The thin Quartz tick of the commitment self-assessment reminders; what is due is decided on the business clock.</summary>
[DisallowConcurrentExecution]
public sealed class CommitmentReminderJob(CommitmentReminders reminders, BotClock clock) : IJob
{
    public const string Name = "commitment.reminders";

    public static readonly JobKey Key = new(Name);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        reminders.Run(clock.UtcNow);
        return ValueTask.CompletedTask;
    }
}
