using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive920Bot.Storage.LiteDb;

internal sealed class StorageHealthCheck(Database db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!db.IsOpen)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("store closed"));
        }

        try
        {
            var version = Migrations.ReadVersion(db.Lite);
            return Task.FromResult(HealthCheckResult.Healthy($"schema v{version}"));
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or ObjectDisposedException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("store unreadable", ex));
        }
    }
}
