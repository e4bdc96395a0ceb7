using Quartz;

namespace Directive920Bot.Delivery;

/// <summary>Periodic tick: moves every subscriber's drip track forward.</summary>
[DisallowConcurrentExecution]
public sealed class TrackTickJob(TrackService track) : IJob
{
    public const string Name = "delivery.track";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        track.Advance(cancellationToken);
        return ValueTask.CompletedTask;
    }
}
