using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>Rewrites the store's file daily so that deleted records (retention, erasure) leave no bytes in free pages.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class CompactionJob(IStorageMaintenance maintenance) : Quartz.IJob
{
    public const string Name = "privacy.compaction";

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // An hourly tick (every trigger wakes within the hour); the file is rewritten on every 24th, not at start.
        if (context?.Trigger is Quartz.ISimpleTrigger { TimesTriggered: var times } && times > 1 && times % 24 == 0)
        {
            await maintenance.CompactAsync();
        }
    }
}
