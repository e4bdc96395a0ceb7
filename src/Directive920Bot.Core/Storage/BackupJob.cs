namespace Directive920Bot.Storage;

/// <summary>Wakes hourly; <see cref="BackupService.DailyAsync"/> writes a backup when the newest is a day old.</summary>
[Quartz.DisallowConcurrentExecution]
public sealed class BackupJob(BackupService backups) : Quartz.IJob
{
    public const string Name = "storage.daily-backup";

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken) => await backups.DailyAsync();
}
