using Directive920Bot.Tests.Infrastructure;
using Npgsql;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// The store a benchmark runs on: LiteDB (a file in the host's temp folder, the default) or, with the environment
/// variable <c>D920_BENCH_STORAGE=Postgres</c>, a fresh database of a throw-away PostgreSQL cluster (the tests'
/// <see cref="PostgresCluster"/>: a temp directory under /tmp, Unix socket only, removed when the process exits).
/// </summary>
internal static class BenchStorage
{
    public static bool OnPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("D920_BENCH_STORAGE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string Name => OnPostgres ? "Postgres" : "LiteDb";

    /// <summary>A new, empty database of the benchmark run's cluster.</summary>
    public static string NewDatabase(string prefix) => PostgresCluster.CreateDatabase(prefix + "_" + Guid.NewGuid().ToString("N"));

    /// <summary>The host settings for the chosen provider; <paramref name="connectionString"/> reuses a seeded database.</summary>
    public static Dictionary<string, string?> Settings(string? connectionString = null) => OnPostgres || connectionString is not null
        ? new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString ?? NewDatabase("bench"),
        }
        : [];

    /// <summary>Runs SQL on the host's PostgreSQL database outside the service (emptying tables between iterations, ANALYZE).</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    public static long Count(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
