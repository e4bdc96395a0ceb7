using Directive920Bot.Hosting;
using Quartz;

namespace Directive920Bot.Implementation;

/// <summary>The thin Quartz tick of the implementation reminders; what is due is decided on the business clock.</summary>
[DisallowConcurrentExecution]
public sealed class ImplementationReminderJob(ImplementationReminders reminders, BotClock clock) : IJob
{
    public const string Name = "implementation.reminders";

    public static readonly JobKey Key = new(Name);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        reminders.Run(clock.UtcNow);
        return ValueTask.CompletedTask;
    }
}
