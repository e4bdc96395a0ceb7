using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Unready when one batch has held the database writer for longer than <see cref="StallAfter"/>: every write of the
/// service waits behind it (a commit normally takes milliseconds; the longest work item, a chunk of a campaign's rows,
/// well under a second).
/// </summary>
internal sealed class WriterHealthCheck(Database db) : IHealthCheck
{
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!db.IsOpen)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("store closed"));
        }

        var age = db.CurrentBatchAge;
        return Task.FromResult(age > StallAfter
            ? HealthCheckResult.Unhealthy($"one batch has held the writer for {age.TotalSeconds:0} s; {db.QueueLength} waiting")
            : HealthCheckResult.Healthy($"{db.QueueLength} waiting"));
    }
}
