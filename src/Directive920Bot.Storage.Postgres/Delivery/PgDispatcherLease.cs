using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// The dispatcher lease across instances: a row of <c>dispatcher_leases</c> per bot with an expiry on the server's clock,
/// taken when free or expired and renewed by its holder every third of <see cref="DeliveryOptions.LeaseTime"/>. A lease
/// row rather than a session advisory lock, because the lease must also pass on when its holder hangs (a hung process
/// keeps its connection, and with it a session lock, open); a killed one is replaced the same way, within the lease time.
/// The holder gives the lease up itself (<see cref="IDispatcherLeaseHandle.Lost"/>) when a renewal finds another holder,
/// or when it could not renew for half the lease time — before the server lets anybody else take it — so two holders do
/// not send at once short of a process that hangs between a claim and its sends; the row claims
/// (<see cref="PgDueRowClaims"/>) keep even that from sending a row twice.
/// </summary>
internal sealed class PgDispatcherLease(
    PostgresStorage db,
    IOptions<DeliveryOptions> options,
    IConfiguration configuration,
    [FromKeyedServices(Clocks.Transport)] TimeProvider transport,
    ILogger<PgDispatcherLease> log) : IDispatcherLease
{
    private const string Take = """
        INSERT INTO dispatcher_leases AS l (name, holder, acquired_at, expires_at)
        VALUES (@name, @holder, clock_timestamp(), clock_timestamp() + @ttl)
        ON CONFLICT (name) DO UPDATE
            SET holder = excluded.holder,
                expires_at = excluded.expires_at,
                acquired_at = CASE WHEN l.holder = excluded.holder THEN l.acquired_at ELSE excluded.acquired_at END
            WHERE l.holder = excluded.holder OR l.expires_at < clock_timestamp()
        RETURNING l.holder
        """;

    private TimeProvider Transport => transport;

    private ILogger Log => log;

    /// <summary>This instance, as the lease row names it: unique per process even for two on one machine.</summary>
    public string Holder { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    /// <summary>One lease per bot: a digest of the bot token names it (the token itself is a secret and is not stored).</summary>
    public string Name => NameFor(configuration["Telegram:BotToken"]);

    internal static string NameFor(string? botToken) => string.IsNullOrEmpty(botToken)
        ? "dispatcher"
        : "dispatcher:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(botToken)))[..16];

    public async Task<IDispatcherLeaseHandle> AcquireAsync(CancellationToken ct)
    {
        var ttl = options.Value.LeaseTime;
        var logged = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await TryTakeAsync(ttl))
                {
                    log.LogInformation("This instance ({Holder}) holds the dispatcher lease {Lease}", Holder, Name);
                    return new Handle(this, ttl);
                }

                if (!logged)
                {
                    log.LogInformation("Another instance holds the dispatcher lease {Lease}; this one waits to take over", Name);
                    logged = true;
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(ex, "Could not reach the database to take the dispatcher lease {Lease}; trying again", Name);
            }

            await Task.Delay(ttl / 3, transport, ct);
        }
    }

    /// <summary>Takes or renews the lease; true when this instance holds it afterwards.</summary>
    /// <remarks>Bounded by a quarter of the lease time: a database that does not answer must not keep the holder from
    /// noticing that its lease runs out.</remarks>
    internal async Task<bool> TryTakeAsync(TimeSpan ttl)
    {
        using var timeout = new CancellationTokenSource(ttl / 4, transport);
        await using var connection = await db.Source.OpenConnectionAsync(timeout.Token);
        var holder = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(Take, new { name = Name, holder = Holder, ttl }, cancellationToken: timeout.Token));
        return holder == Holder;
    }

    private async Task ReleaseAsync()
    {
        await using var connection = await db.Source.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM dispatcher_leases WHERE name = @name AND holder = @holder", new { name = Name, holder = Holder });
    }

    private sealed class Handle : IDispatcherLeaseHandle
    {
        private readonly PgDispatcherLease owner;
        private readonly TimeSpan ttl;
        private readonly CancellationTokenSource lost = new();
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;

        public Handle(PgDispatcherLease owner, TimeSpan ttl)
        {
            this.owner = owner;
            this.ttl = ttl;
            renewing = Task.Run(RenewAsync);
        }

        public CancellationToken Lost => lost.Token;

        private async Task RenewAsync()
        {
            var time = owner.Transport;
            var renewedAt = time.GetTimestamp();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(ttl / 3, time, stop.Token);
                    try
                    {
                        if (!await owner.TryTakeAsync(ttl))
                        {
                            owner.Log.LogWarning("Another instance took the dispatcher lease {Lease}", owner.Name);
                            break;
                        }

                        renewedAt = time.GetTimestamp();
                    }
                    catch (Exception ex) when (!stop.IsCancellationRequested)
                    {
                        // Given up before the server's expiry, so the next holder never overlaps with this one.
                        if (time.GetElapsedTime(renewedAt) >= ttl / 2)
                        {
                            owner.Log.LogWarning(ex, "The dispatcher lease {Lease} could not be renewed in time; giving it up", owner.Name);
                            break;
                        }

                        owner.Log.LogDebug(ex, "Renewing the dispatcher lease {Lease} failed; trying again", owner.Name);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            await lost.CancelAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewing;
            try
            {
                await owner.ReleaseAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // It expires on its own within the lease time.
                owner.Log.LogWarning(ex, "Could not release the dispatcher lease {Lease}; it expires by itself", owner.Name);
            }

            lost.Dispose();
            stop.Dispose();
        }
    }
}
