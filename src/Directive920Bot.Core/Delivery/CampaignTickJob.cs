using Quartz;

namespace Directive920Bot.Delivery;

/// <summary>Periodic tick: expands campaign occurrences whose time has come on the business clock.</summary>
[DisallowConcurrentExecution]
public sealed class CampaignTickJob(CampaignService campaigns) : IJob
{
    public const string Name = "delivery.campaigns";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        campaigns.ExpandDue();
        return ValueTask.CompletedTask;
    }
}
