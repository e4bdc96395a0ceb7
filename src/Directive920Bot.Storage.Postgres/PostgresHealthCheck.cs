using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive920Bot.Storage.Postgres;

/// <summary>The server answers a query on a pooled connection; the description names the schema version, never the connection string.</summary>
internal sealed class PostgresHealthCheck(PostgresStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await storage.Source.OpenConnectionAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_version");
            return HealthCheckResult.Healthy($"PostgreSQL answers, schema v{version}; backups are the operator's (pg_dump or WAL archiving), not the service's");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", ex);
        }
    }
}
