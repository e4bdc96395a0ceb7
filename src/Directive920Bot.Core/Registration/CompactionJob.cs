using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>Rewrites the store's file periodically so that deleted records (retention, erasure) leave no bytes in free pages.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class CompactionJob(IStorageMaintenance maintenance) : Quartz.IJob
{
    public const string Name = "privacy.compaction";

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The trigger fires at start too; a start is no reason to rewrite the file (and every test host would).
        if (context?.PreviousFireTimeUtc is not null)
        {
            await maintenance.CompactAsync();
        }
    }
}
