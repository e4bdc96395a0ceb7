using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Directive920Bot.Hosting;

/// <summary>Ready only while Quartz runs: every timed job (campaigns, drip track, reminders, digests) depends on it.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(status.ToString());
    }
}
