using Directive920Bot.Web;
using Microsoft.Extensions.Options;
using Quartz;

namespace Directive920Bot.Storage;

public static class BackupExtensions
{
    /// <summary>
    /// Backups: the service, the daily job, the admin endpoint. The job wakes hourly (every trigger of the service fires
    /// within hours, so a restart never postpones one by a day) and writes a backup when the newest is a day old.
    /// </summary>
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<IApiEndpoints, BackupEndpoints>();
        if (builder.Configuration.GetValue($"{BackupOptions.Section}:{nameof(BackupOptions.Daily)}", true))
        {
            services.AddQuartz(q => q.ScheduleJob<BackupJob>(
                t => t.WithIdentity(BackupJob.Name).StartNow()
                    // Down at a fire time: look once as soon as we are back (a day's backup should not wait another hour);
                    // the missed looks are not replayed — the service decides whether today's backup is still due.
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
                j => j.WithIdentity(BackupJob.Name)));
        }

        return builder;
    }
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var failures = new List<string>();
        if (options.Keep < 1)
        {
            failures.Add($"Backup:Keep must be at least 1, was {options.Keep}.");
        }

        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            var bytes = new byte[64];
            // The key itself is never echoed.
            if (!Convert.TryFromBase64String(options.EncryptionKey, bytes, out var length) || length != 32)
            {
                failures.Add("Backup:EncryptionKey must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
