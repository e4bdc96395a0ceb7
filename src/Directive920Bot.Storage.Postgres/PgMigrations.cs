using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// The schema: numbered SQL files in <c>Migrations/</c> (<c>0001_channels.sql</c>, …), embedded in the assembly and
/// run in order at start, all pending ones in ONE transaction, each recorded in <c>schema_version</c>. A transaction-level
/// advisory lock is taken first, so two instances starting together do not migrate at once: the second waits, then
/// finds nothing left to do. A database whose schema is newer than this program's is refused.
/// </summary>
internal static class PgMigrations
{
    /// <summary>The advisory lock key of migrations ("D920" and the issue number; any constant the service alone uses).</summary>
    public const long LockKey = 0x4439_3230_0019;

    private const string Prefix = "Directive920Bot.Storage.Postgres.Migrations.";

    /// <summary>The migrations this program knows, by number.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Known { get; } = Load();

    public static int CurrentVersion => Known[^1].Version;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; returns it.</summary>
    /// <param name="timeZone">The bot's zone (IANA id), set as <c>d920.time_zone</c> for migrations that count by local day (0013).</param>
    public static int Run(NpgsqlDataSource source, ILogger? log, string? timeZone = null)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})");
        using (var zone = new NpgsqlCommand("SELECT set_config('d920.time_zone', $1, true)", connection, transaction))
        {
            zone.Parameters.Add(new NpgsqlParameter { Value = timeZone ?? "" });
            zone.ExecuteNonQuery();
        }

        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """);
        using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction))
        {
            var found = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (found > CurrentVersion)
            {
                throw new InvalidOperationException($"The database schema is version {found}, newer than this program's {CurrentVersion}. Use a newer release.");
            }

            foreach (var (version, name, sql) in Known.Where(m => m.Version > found))
            {
                Execute(connection, transaction, sql);
                using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", connection, transaction);
                record.Parameters.Add(new NpgsqlParameter { Value = version });
                record.Parameters.Add(new NpgsqlParameter { Value = name });
                record.ExecuteNonQuery();
                log?.LogInformation("PostgreSQL schema migrated to v{Version} ({Name})", version, name);
            }
        }

        transaction.Commit();
        return CurrentVersion;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PgMigrations).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^".sql".Length];
            var number = name.Split('_', 2)[0];
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migrations/{name}.sql:1: a migration's name starts with its number (0001_name.sql)");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((version, name, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"Migrations/{list[i].Item2}.sql:1: migrations are numbered 1, 2, 3… without gaps; expected {i + 1}");
            }
        }

        return list;
    }
}
