using Directive920Bot.Hosting;
using Quartz;

namespace Directive920Bot.Reports;

/// <summary>The thin Quartz tick of the digests: what is due is decided by <see cref="DigestService"/> on the business clock.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests, BotClock clock) : IJob
{
    public const string Name = "reports.digest";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digests.RunAsync(clock.UtcNow, cancellationToken);
}
