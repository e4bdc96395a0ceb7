using Dapper;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// Upkeep after erasures on PostgreSQL: a plain <c>VACUUM</c> of the database. A deleted row's bytes stay in its page
/// until vacuum frees the space and later writes reuse it; vacuum ends the visibility of erased rows to any later
/// snapshot and makes the space reusable without the exclusive locks of <c>VACUUM FULL</c> (which would stop the
/// service for minutes on a large database). What stays elsewhere — WAL segments, base backups, replicas' lag — is
/// under the operator's retention (README, Operations). Requests made while one is queued share it, as on LiteDB.
/// </summary>
internal sealed class PgStorageMaintenance(PostgresStorage db, ILogger<PgStorageMaintenance> log) : IStorageMaintenance
{
    private readonly Lock gate = new();
    private Task<long>? queued;

    public Task<long> CompactAsync()
    {
        if (db.InTransaction)
        {
            throw new InvalidOperationException("CompactAsync was called from inside a transaction; VACUUM cannot run in one.");
        }

        lock (gate)
        {
            return queued ??= Task.Run(RunAsync);
        }
    }

    private async Task<long> RunAsync()
    {
        lock (gate)
        {
            // From here on a new request needs a new run: what it erased may have committed after this one started.
            queued = null;
        }

        await using var connection = await db.Source.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
        await connection.ExecuteAsync("VACUUM", commandTimeout: 0);
        var after = await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
        log.LogInformation("Storage: VACUUM done ({Before} → {After} bytes)", before, after);
        return Math.Max(0, before - after);
    }
}
