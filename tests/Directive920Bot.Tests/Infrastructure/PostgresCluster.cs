using System.Diagnostics;
using Npgsql;

namespace Directive920Bot.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run: Debian's <c>initdb</c> and <c>pg_ctl</c> (found under
/// <c>/usr/lib/postgresql/*/bin</c>, or <c>D920_PG_BIN</c>) make a cluster in a temp directory that listens only on a
/// Unix socket in that directory, trust authentication, no fsync (a test never survives an OS crash). One cluster per
/// test process, started on first use and stopped at exit; one database per test (<see cref="CreateDatabase"/>). As root
/// (a container, CI) the server runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// Without PostgreSQL binaries a test skips with the reason, except under CI (<c>CI</c> set), where it fails.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<Instance> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why no cluster can be started here, or null when one can.</summary>
    public static string? Unavailable => BinDirectory() is null ? "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin; apt-get install postgresql)" : null;

    private static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>A connection string to a new, empty database of the test cluster (skips the test when there is none).</summary>
    public static string CreateDatabase(string name)
    {
        if (Unavailable is { } reason)
        {
            if (InCi)
            {
                throw new InvalidOperationException(reason + " — in CI the PostgreSQL tests must run (.ci/run installs it).");
            }

            throw new SkipException(reason);
        }

        var cluster = Started.Value;
        using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            admin.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = name } } };
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                create.ExecuteNonQuery();
            }
        }

        return cluster.ConnectionString(name);
    }

    /// <summary>Ends every server process of the database's connections at once, as a killed client leaves them.</summary>
    public static void KillConnections(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(Started.Value.ConnectionString("postgres"));
        admin.Open();
        using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin)
        {
            Parameters = { new() { Value = database } },
        };
        kill.ExecuteScalar();
    }

    /// <summary>Server processes connected to the database of <paramref name="connectionString"/> (clients that left it open).</summary>
    public static int Connections(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(Started.Value.ConnectionString("postgres"));
        admin.Open();
        using var count = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin)
        {
            Parameters = { new() { Value = database } },
        };
        return (int)count.ExecuteScalar()!;
    }

    /// <summary>Drops the database with its connections (<c>WITH (FORCE)</c>): the store becomes unreachable, as a lost server is.</summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(Started.Value.ConnectionString("postgres"));
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private static string? BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("D920_PG_BIN") is { Length: > 0 } bin)
        {
            return File.Exists(Path.Combine(bin, "initdb")) ? bin : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static Instance Start()
    {
        var bin = BinDirectory()!;
        RemoveStale();
        var root = Claim();
        var data = Path.Combine(root, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", root], asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        // Listens on no TCP address: only the socket in the temp directory, which nothing else on the machine uses.
        var server = $"-k {root} -c listen_addresses= -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"
            // For profiling a run (e.g. "-c log_min_duration_statement=0"): more server settings, appended as given.
            + (Environment.GetEnvironmentVariable("D920_PG_SERVER_OPTIONS") is { Length: > 0 } extra ? " " + extra : "");
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", server, "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot);
            TryDelete(root);
        };
        return new Instance(root);
    }

    private const string Prefix = "d920-pg-";

    private const string Making = "d920-pgnew-";

    private const string OwnerLock = "owner.lock";

    // Held (an exclusive lock on the file) for as long as this process lives; the operating system lets go when it ends.
    private static FileStream? owner;

    // The cluster's directory is made under another name with its owner's lock already held, then renamed into place (a
    // rename is atomic): another test process's RemoveStale (two test assemblies of the solution, or two runs on one
    // machine) never sees it before the lock is there, and took it for stale when initdb had not yet written the data
    // directory — it deleted the directory under initdb ("PG_VERSION is missing") and the run's PostgreSQL tests failed.
    private static string Claim()
    {
        var making = Directory.CreateTempSubdirectory(Making).FullName;
        owner = new FileStream(Path.Combine(making, OwnerLock), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var root = Path.Combine(Path.GetDirectoryName(making)!, Prefix + Path.GetFileName(making)[Making.Length..]);
        Directory.Move(making, root);
        return root;
    }

    // A test process that was killed (or whose exit handler ran out of time) leaves its stopped cluster behind: a
    // directory whose owner is gone (its lock is free) and without a running server (no postmaster.pid) is removed.
    private static void RemoveStale()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*").Concat(Directory.GetDirectories(Path.GetTempPath(), Making + "*")))
        {
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")) && !InUse(stale))
            {
                TryDelete(stale);
            }
        }
    }

    private static bool InUse(string directory)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(directory, OwnerLock), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Left by a run from before owner locks, or already removed.
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's RemoveStale.
        }
    }

    private static void Run(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private sealed record Instance(string SocketDirectory)
    {
        public string ConnectionString(string database) =>
            new NpgsqlConnectionStringBuilder { Host = SocketDirectory, Port = 5432, Username = "postgres", Database = database }.ConnectionString;
    }
}
