using Dapper;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// On PostgreSQL the service makes no backups of its own. A consistent copy of a server database is what the server's
/// tools already make well — <c>pg_dump</c>, base backups with WAL archiving (point-in-time recovery), a managed
/// offering's snapshots — and they run where the data is, with the operator's credentials and retention; a copy made
/// through the service would be slower, partial (no roles, no WAL) and a second, weaker answer to the same question.
/// So <see cref="ManagedByOperator"/> says so, the daily job writes nothing, and the backup verb and API answer with
/// this text. <see cref="Counts"/> is exact: migrate-store and the operator compare it with a copy's.
/// </summary>
internal sealed class PgStoreBackup(PostgresStorage db) : IStoreBackup
{
    public const string Reason =
        "Storage:Provider is Postgres: backups are the operator's, made with PostgreSQL's own tools (pg_dump, or base backups with WAL " +
        "archiving for point-in-time recovery, or the managed service's snapshots); the service writes none. See README, Operations.";

    public string? ManagedByOperator => Reason;

    public Task<StoreSnapshot> CopyToAsync(string path) => throw new NotSupportedException(Reason);

    public IReadOnlyDictionary<string, long> Counts() => CountsOf(db);

    /// <summary>The exact row count of every table of the schema (one statement), by table name.</summary>
    public static IReadOnlyDictionary<string, long> CountsOf(PostgresStorage db)
    {
        var tables = db.Query<string>("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """);
        if (tables.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        // Names come from the catalogue, quoted as identifiers.
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t.Replace("'", "''", StringComparison.Ordinal)}' AS name, count(*) AS n FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        return db.Read((c, t) => c.Query<(string Name, long N)>(sql, transaction: t)).ToDictionary(r => r.Name, r => r.N, StringComparer.Ordinal);
    }
}
