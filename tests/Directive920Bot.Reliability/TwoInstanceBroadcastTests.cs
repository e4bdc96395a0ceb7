using System.Diagnostics;
using System.Globalization;
using Directive920Bot.Delivery;
using Directive920Bot.Reliability.Infrastructure;
using Directive920Bot.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// Two service processes on one PostgreSQL database, webhook mode, one emulator that caps the bot's sends per sliding
/// second (issue 19 acceptance): a broadcast to 3,000 cadres goes out once in total and under the cap in total; the
/// instance holding the dispatcher lease is killed (<c>kill -9</c>, so it releases nothing) mid-broadcast and the other
/// takes over within the lease time, nobody lost, duplicates within the sends the dead one had in flight.
/// </summary>
public sealed class TwoInstanceBroadcastTests(ITestOutputHelper log)
{
    private const int Cadres = 3000;

    // The service paces itself at MessagesPerSecond; the emulator answers 429 above Cap in any sliding second. The
    // margin covers the gate's rounding; a 429 would mean two dispatchers sent at once (or the gate let a burst through).
    private const int MessagesPerSecond = 200;
    private const int Cap = 220;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task Two_instances_send_a_broadcast_to_3000_once_under_the_cap_and_the_survivor_takes_over_from_a_killed_lease_holder()
    {
        var database = PostgresCluster.CreateDatabase("two_broadcast_" + Guid.NewGuid().ToString("N"));
        await using var sut = await ServiceUnderTest.CreateAsync();
        sut.Emulator.RateLimits.Enabled = true;
        sut.Emulator.RateLimits.PerBotPerSecond = Cap;
        sut.Emulator.RateLimits.PerChatInterval = TimeSpan.Zero;
        var portA = FreeLoopbackPort();
        var portB = FreeLoopbackPort();
        sut.Environment["Storage__Provider"] = "Postgres";
        sut.Environment["Storage__ConnectionString"] = database;
        sut.Environment["Delivery__LeaseTime"] = LeaseTime.ToString("c", CultureInfo.InvariantCulture);
        sut.Environment["Delivery__MessagesPerSecond"] = MessagesPerSecond.ToString(CultureInfo.InvariantCulture);
        // Behind a balancer both instances register the balancer's one address; here that address is A's.
        sut.Environment["Telegram__Mode"] = "Webhook";
        sut.Environment["Telegram__WebhookUrl"] = $"http://127.0.0.1:{portA}/telegram/hook";
        sut.Environment["Telegram__WebhookSecret"] = BotHarness.WebhookSecret;
        var ids = await sut.SeedCadresAsync(Cadres);
        const string marker = "[hai phiên bản]";
        string campaignId;
        await using (var store = sut.Inspect())
        {
            campaignId = store.Announce($"Thông báo {marker}: đề nghị các đồng chí đọc Thông báo 920-TB/TU.").Id;
        }

        var a = ServiceProcess.Start(With(sut, portA));
        await using (a)
        {
            await Wait(sut, () => sut.Received(marker) >= 300 || a.HasExited, a);
            Assert.Contains($"/{a.Id}/", await HolderAsync(database), StringComparison.Ordinal);

            await using var b = ServiceProcess.Start(With(sut, portB));
            await Wait(sut, () => sut.Received(marker) >= 1200 || a.HasExited || b.HasExited, b);
            Assert.False(b.HasExited, b.Describe());
            // B runs and waits: the lease stays A's while A renews it.
            Assert.Contains($"/{a.Id}/", await HolderAsync(database), StringComparison.Ordinal);

            await a.KillHardAsync();
            var killedAt = await ServerNowAsync(database);
            var clock = Stopwatch.StartNew();
            var atKill = sut.Received(marker);
            int inFlight;
            await using (var store = sut.Inspect())
            {
                inFlight = store.Rows(campaignId).Count(r => r.State == DeliveryState.Sending);
            }

            Assert.InRange(inFlight, 0, ServiceUnderTest.MaxConcurrency);
            // Sends A made just before the kill may still be counted after it: B has sent once more than those arrived.
            await Wait(sut, () => sut.Received(marker) > atKill + ServiceUnderTest.MaxConcurrency || b.HasExited, b);
            var firstAfterKill = clock.Elapsed;
            var (holder, acquiredAt) = await LeaseAsync(database);
            Assert.Contains($"/{b.Id}/", holder, StringComparison.Ordinal);
            // The protocol's bound on the server's clock: A's last renewal is at most the kill, so its lease ends by
            // kill + LeaseTime, and B tries every third of it. The margin is the machine's (B's try may start late).
            var handOver = acquiredAt - killedAt;
            log.WriteLine($"killed after {atKill} messages with {inFlight} rows sending; B took the lease {handOver.TotalSeconds:0.0} s after the kill (server clock), first message {firstAfterKill.TotalSeconds:0.0} s after it");
            Assert.True(handOver <= LeaseTime + (LeaseTime / 3) + TimeSpan.FromSeconds(2), $"hand-over took {handOver}");

            await Wait(sut, () => sut.ReceivedBy(marker).Count == Cadres || b.HasExited, b);
            b.Terminate();
            Assert.True(await b.WaitForExitAsync(Patience), "no exit after SIGTERM\n" + b.Describe());

            var final = sut.ReceivedBy(marker);
            Assert.Equal(ids.Order(), final.Keys.Order());
            // Duplicates: only the rows A had claimed and not recorded when it died (sending), which B puts back to
            // pending and sends again; at most Delivery:MaxConcurrency, and never more than were in flight.
            var duplicates = final.Values.Sum(m => m.Count - 1);
            Assert.InRange(duplicates, 0, inFlight);
            await using (var store = sut.Inspect())
            {
                var rows = store.Rows(campaignId);
                Assert.Equal(Cadres, rows.Count);
                Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
            }

            // Under the cap in total: the emulator refused nothing, and its log of answered sends agrees per second.
            var sends = sut.Emulator.Calls.Where(c => c.Method == "sendMessage").ToList();
            Assert.DoesNotContain(sends, c => c.StatusCode == 429);
            var busiest = sends.Where(c => c.StatusCode == 200).GroupBy(c => c.At.ToUnixTimeSeconds()).Max(g => g.Count());
            log.WriteLine($"{Cadres} delivered, {duplicates} duplicates (bound {inFlight}); busiest second {busiest} sends (cap {Cap}, pace {MessagesPerSecond})");
            Assert.InRange(busiest, 1, Cap);
        }
    }

    private static Dictionary<string, string> With(ServiceUnderTest sut, int port) =>
        new(sut.Environment) { ["urls"] = $"http://127.0.0.1:{port}" };

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> HolderAsync(string database) => (await LeaseAsync(database)).Holder;

    private static async Task<(string Holder, DateTime AcquiredAt)> LeaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT holder, acquired_at FROM dispatcher_leases WHERE name LIKE 'dispatcher:%'", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no dispatcher lease row");
        return (reader.GetString(0), reader.GetDateTime(1));
    }

    private static async Task<DateTime> ServerNowAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        return (DateTime)(await query.ExecuteScalarAsync())!;
    }

    private static async Task Wait(ServiceUnderTest sut, Func<bool> condition, ServiceProcess service)
    {
        try
        {
            await sut.WaitUntilAsync(condition, Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The service did not get there in time.\n" + service.Describe());
        }

        Assert.False(service.HasExited, service.Describe());
    }
}
