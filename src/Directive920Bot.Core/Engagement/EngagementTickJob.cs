using Directive920Bot.Hosting;
using Quartz;

namespace Directive920Bot.Engagement;

/// <summary>The thin Quartz tick: reminders, escalation and the weekly review at the business clock's "now".</summary>
[DisallowConcurrentExecution]
public sealed class EngagementTickJob(ReminderService reminders, BotClock clock, ILogger<EngagementTickJob> log) : IJob
{
    public static readonly JobKey Key = new("engagement-tick", "engagement");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = await reminders.RunAsync(clock.UtcNow, cancellationToken);
        if (run.Reminded + run.Escalated + run.WeeklyReviewRows > 0)
        {
            log.LogInformation("Engagement tick: {Reminded} reminder(s), {Escalated} escalation(s), {Weekly} weekly review row(s)", run.Reminded, run.Escalated, run.WeeklyReviewRows);
        }
    }
}
