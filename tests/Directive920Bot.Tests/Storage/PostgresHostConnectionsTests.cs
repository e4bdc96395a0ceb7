using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// A service on PostgreSQL that stops leaves no connection open on the server: the harness starts and stops hosts on
/// one cluster hundreds of times a run, and the scheduler's pool (Npgsql's process-wide pool of Quartz's connection
/// string) used to keep ten idle connections per stopped host until the cluster refused new clients (53300).
/// </summary>
public sealed class PostgresHostConnectionsTests
{
    [SkippableFact]
    public async Task A_stopped_service_on_postgres_leaves_no_connection_open_on_the_server()
    {
        var connection = PostgresCluster.CreateDatabase("stopped_" + Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
        });
        // The scheduler and the store both hold connections while it runs (otherwise the end proves nothing).
        await bot.RunJobAsync(Directive920Bot.Engagement.EngagementTickJob.Key);
        Assert.True(PostgresCluster.Connections(connection) > 0);

        await bot.StopHostAsync();

        // A closed connection's server process exits a moment after the client said goodbye.
        await bot.Emulator.WaitUntilAsync(() => PostgresCluster.Connections(connection) == 0, BotHarness.Wait);
    }
}
