using Directive920Bot.Storage;
using Directive920Bot.Storage.Postgres;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The storage contract on PostgreSQL: one database per test in the run's throw-away cluster (<see cref="PostgresCluster"/>),
/// opened as the service opens it (migrations at start). A location is a database name.
/// </summary>
public sealed class PostgresStorageContractTests : StorageContract
{
    protected override bool LeasesInboxBatches => true;

    protected override string NewLocation() => "contract_" + Guid.NewGuid().ToString("N");

    protected override IServiceProvider Open(string location)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = StorageOptions.Postgres;
        builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = PostgresCluster.CreateDatabase(location);
        builder.Services.AddKeyedSingleton<TimeProvider>(Directive920Bot.Hosting.Clocks.Business, BusinessClock());
        builder.AddPostgresStorage();
        return builder.Build().Services;
    }

    // A killed process leaves the server with connections that end mid-transaction: the server rolls back what had not
    // committed and keeps what had. The restarted service opens the same database.
    protected override string Crash(string location)
    {
        PostgresCluster.KillConnections(PostgresCluster.CreateDatabase(location));
        return location;
    }
}
