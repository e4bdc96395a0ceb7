using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Directive920Bot.Storage.Postgres;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Directive920Bot.Tests.Storage;

/// <summary>What the PostgreSQL provider adds beyond the storage contract: migrations, configuration, provider choice.</summary>
public sealed class PostgresProviderTests : IDisposable
{
    private readonly List<ServiceProvider> opened = [];

    private ServiceProvider Open(string? connectionString, string provider = StorageOptions.Postgres)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:Provider"] = provider;
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        builder.AddPostgresStorage();
        var services = (ServiceProvider)builder.Build().Services;
        opened.Add(services);
        return services;
    }

    public void Dispose()
    {
        foreach (var services in opened)
        {
            services.Dispose();
        }
    }

    [SkippableFact]
    public async Task Instances_that_start_together_migrate_the_schema_once()
    {
        var connection = PostgresCluster.CreateDatabase("migrate_" + Guid.NewGuid().ToString("N"));

        // Eight instances open the same empty database at once: the advisory lock lets one migrate, the rest find it done.
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Open(connection).GetRequiredService<PostgresStorage>().SchemaVersion)));

        Assert.All(versions, v => Assert.Equal(PgMigrations.CurrentVersion, v));
        await using var check = new NpgsqlConnection(connection);
        await check.OpenAsync();
        await using var applied = new NpgsqlCommand("SELECT count(*), count(DISTINCT version), max(version) FROM schema_version", check);
        await using var row = await applied.ExecuteReaderAsync();
        await row.ReadAsync();
        Assert.Equal(PgMigrations.CurrentVersion, row.GetInt64(0));
        Assert.Equal(PgMigrations.CurrentVersion, row.GetInt64(1));
        Assert.Equal(PgMigrations.CurrentVersion, row.GetInt32(2));
    }

    [SkippableFact]
    public async Task A_database_with_a_newer_schema_is_refused_with_the_versions_named()
    {
        var connection = PostgresCluster.CreateDatabase("newer_" + Guid.NewGuid().ToString("N"));
        _ = Open(connection).GetRequiredService<PostgresStorage>();
        await using (var check = new NpgsqlConnection(connection))
        {
            await check.OpenAsync();
            await using var bump = new NpgsqlCommand($"INSERT INTO schema_version (version, name) VALUES ({PgMigrations.CurrentVersion + 1}, 'from_a_newer_release')", check);
            await bump.ExecuteNonQueryAsync();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => Open(connection).GetRequiredService<PostgresStorage>());

        Assert.Equal($"The database schema is version {PgMigrations.CurrentVersion + 1}, newer than this program's {PgMigrations.CurrentVersion}. Use a newer release.", refused.Message);
    }

    [SkippableFact]
    public async Task A_failure_caught_inside_a_write_does_not_lose_the_write_it_runs_again_on_a_fresh_transaction()
    {
        // Features may catch a failure inside a write and go on (an outcome recorder's bug must not undo a send). On
        // PostgreSQL the failed statement has aborted the transaction (25P02 at the next one), and what failed — most
        // often a serialization conflict raised at a statement — is hidden: the whole write runs again.
        var storage = Open(PostgresCluster.CreateDatabase("aborted_" + Guid.NewGuid().ToString("N"))).GetRequiredService<PostgresStorage>();
        var attempts = 0;

        await storage.WriteAsync(tx =>
        {
            if (++attempts == 1)
            {
                try
                {
                    storage.Execute(tx, "SELECT 1 / 0");
                }
                catch (PostgresException)
                {
                    // Swallowed, as a recorder's failure is.
                }
            }

            storage.Execute(tx, "INSERT INTO units (code, name, path, invite_code, search_key, updated_at) VALUES ('U1', 'Đơn vị', '/U1/', 'inv-u1', 'don vi', now())");
        });

        Assert.Equal(2, attempts);
        Assert.Equal(1, storage.One<int>("SELECT count(*)::int FROM units WHERE code = 'U1'"));
    }

    [SkippableFact]
    public async Task A_conflict_raised_at_a_statement_passes_a_features_catch_and_the_write_runs_again()
    {
        var storage = Open(PostgresCluster.CreateDatabase("conflict_" + Guid.NewGuid().ToString("N"))).GetRequiredService<PostgresStorage>();
        var attempts = 0;
        var swallowed = 0;

        await storage.WriteAsync(tx =>
        {
            if (++attempts == 1)
            {
                try
                {
                    // What PostgreSQL raises at a statement of a SERIALIZABLE transaction that lost to a concurrent one.
                    storage.Execute(tx, "DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = '40001'; END $$");
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not StorageConflictException)
                {
                    // The catch the outcome recorders and engagement observers run under.
                    swallowed++;
                }
            }

            storage.Execute(tx, "INSERT INTO units (code, name, path, invite_code, search_key, updated_at) VALUES ('U3', 'Đơn vị', '/U3/', 'inv-u3', 'don vi', now())");
        });

        Assert.Equal((2, 0), (attempts, swallowed));
        Assert.Equal(1, storage.One<int>("SELECT count(*)::int FROM units WHERE code = 'U3'"));
    }

    [SkippableFact]
    public async Task A_failure_caught_inside_every_attempt_surfaces_after_a_few_attempts_and_writes_nothing()
    {
        var storage = Open(PostgresCluster.CreateDatabase("aborted_" + Guid.NewGuid().ToString("N"))).GetRequiredService<PostgresStorage>();
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<PostgresException>(() => storage.WriteAsync(tx =>
        {
            attempts++;
            try
            {
                storage.Execute(tx, "SELECT 1 / 0");
            }
            catch (PostgresException)
            {
            }

            storage.Execute(tx, "INSERT INTO units (code, name, path, invite_code, search_key, updated_at) VALUES ('U2', 'Đơn vị', '/U2/', 'inv-u2', 'don vi', now())");
        }));

        Assert.Equal(PostgresErrorCodes.InFailedSqlTransaction, failure.SqlState);
        Assert.Equal(PostgresStorage.MaxAbortedAttempts, attempts);
        Assert.Equal(0, storage.One<int>("SELECT count(*)::int FROM units"));
    }

    [Fact]
    public void Migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, PgMigrations.Known.Count), PgMigrations.Known.Select(m => m.Version));
        Assert.All(PgMigrations.Known, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Theory]
    [InlineData("", "Storage:ConnectionString must be set when Storage:Provider is Postgres")]
    [InlineData("Database=bot;Username=bot;Password=hunter2-secret", "Storage:ConnectionString must name a Host")]
    [InlineData("Host=db.example.vn;Username=bot;Password=hunter2-secret", "Storage:ConnectionString must name a Database (Host=db.example.vn;Port=5432;Database=;Username=bot;Password=***)")]
    [InlineData("Host=db.example.vn;Colour=blue;Password=hunter2-secret", "Storage:ConnectionString is not a PostgreSQL connection string")]
    public void A_bad_connection_string_stops_the_start_with_a_message_that_never_shows_the_password(string connectionString, string expected)
    {
        var services = Open(connectionString);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_key_and_the_value()
    {
        var services = Open("Host=/tmp;Database=bot", provider: "Mongo");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:Provider must be LiteDb or Postgres, was 'Mongo'.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_lock_names_the_server_without_the_password_and_never_holds_a_shared_store()
    {
        var services = Open("Host=db.example.vn;Database=bot;Username=bot;Password=hunter2-secret");

        var storeLock = services.GetRequiredService<IStoreLock>();

        Assert.Equal("Host=db.example.vn;Port=5432;Database=bot;Username=bot;Password=***", storeLock.Location);
        Assert.False(storeLock.IsHeld());
    }

    [Fact]
    public void Postgres_implements_every_store_the_embedded_provider_registers_and_the_start_accepts_it()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:Provider"] = "postgres";
        builder.Configuration["Storage:ConnectionString"] = "Host=/tmp;Database=bot";

        Assert.Empty(StoreProvider.MissingOnPostgres());
        builder.AddStoreProvider();
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(PostgresStorage));
    }

    [Fact]
    public void Without_a_provider_setting_the_embedded_store_is_used_and_no_server_is_needed()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });

        builder.AddStoreProvider();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(Directive920Bot.Storage.LiteDb.Database));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(PostgresStorage));
    }
}
