namespace Directive920Bot.Storage;

/// <summary>The daily backup; everything it does is in <see cref="BackupService"/>.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class BackupJob(BackupService backups) : Quartz.IJob
{
    public const string Name = "storage.daily-backup";

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await backups.DailyAsync();
}
