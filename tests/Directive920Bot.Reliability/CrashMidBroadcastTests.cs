using System.Globalization;
using Directive920Bot.Delivery;
using Directive920Bot.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// The real service process, a broadcast to 3,000 cadres, <c>kill -9</c> at a random point (fixed seed), restart:
/// everyone gets the message, duplicates stay within the sends in flight at the kill, and the ledger matches what
/// Telegram (the emulator) received.
/// </summary>
public sealed class CrashMidBroadcastTests(ITestOutputHelper log)
{
    private const int Cadres = 3000;

    /// <summary>Generous: outcomes are asserted, never speed (a loaded 2-core machine sends a few hundred a second).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Killed_at_random_points_of_a_broadcast_to_3000_nobody_is_lost_and_duplicates_stay_within_the_sends_in_flight()
    {
        var runs = ReliabilitySwitch.Pick(ci: 3, longRun: 20);
        var random = new Random(ReliabilitySwitch.Seed);
        await using var sut = await ServiceUnderTest.CreateAsync();
        var ids = await sut.SeedCadresAsync(Cadres);

        for (var run = 1; run <= runs; run++)
        {
            var marker = string.Create(CultureInfo.InvariantCulture, $"[kiểm thử {run}]");
            string campaignId;
            await using (var store = sut.Inspect())
            {
                campaignId = store.Announce($"Thông báo {marker}: đề nghị các đồng chí đọc Thông báo 920-TB/TU.").Id;
            }

            // Anywhere from before the first send (during the occurrence's expansion) to near the end.
            var killAfter = random.Next(0, Cadres - 20);
            var service = sut.StartService();
            await using (service)
            {
                await WaitOrExplainAsync(sut, () => sut.Received(marker) >= killAfter || service.HasExited, service);
                Assert.False(service.HasExited, service.Describe());
                await service.KillHardAsync();
            }

            var atKill = sut.ReceivedBy(marker);
            int inFlight;
            await using (var store = sut.Inspect())
            {
                var rows = store.Rows(campaignId);
                inFlight = rows.Count(r => r.State == DeliveryState.Sending);
                // What the ledger says was sent, Telegram received; what Telegram received is sent or still in flight.
                Assert.All(rows.Where(r => r.State == DeliveryState.Sent), r => Assert.True(atKill.ContainsKey(r.SubscriberId), $"row {r.Id} is sent but chat {r.SubscriberId} received nothing"));
                var open = rows.Where(r => r.State is DeliveryState.Sent or DeliveryState.Sending).Select(r => r.SubscriberId).ToHashSet();
                Assert.All(atKill.Keys, chat => Assert.Contains(chat, open));
                Assert.InRange(inFlight, 0, ServiceUnderTest.MaxConcurrency);
            }

            log.WriteLine($"run {run}: killed after {atKill.Values.Sum(m => m.Count)} messages (target {killAfter}), {inFlight} rows in flight");
            await CompleteAfterRestartAsync(sut, marker, ids);

            var final = sut.ReceivedBy(marker);
            Assert.Equal(Cadres, final.Count);
            var duplicates = final.Values.Sum(m => m.Count - 1);
            Assert.InRange(duplicates, 0, inFlight);
            await using (var store = sut.Inspect())
            {
                var rows = store.Rows(campaignId);
                Assert.Equal(Cadres, rows.Count);
                Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
                // The ledger's Telegram message id is a message that chat really received.
                Assert.All(rows, r => Assert.Contains(r.MessageId!.Value, final[r.SubscriberId]));
                Assert.Equal(Cadres, store.Progress(campaignId).Sent);
            }

            log.WriteLine($"run {run}: {Cadres} delivered, {duplicates} duplicates (bound {inFlight})");
        }
    }

    /// <summary>Restarts the service, waits until every cadre received the marked message, and stops it gracefully.</summary>
    internal static async Task CompleteAfterRestartAsync(ServiceUnderTest sut, string marker, IReadOnlyList<long> ids)
    {
        await using var service = sut.StartService();
        await WaitOrExplainAsync(sut, () => sut.Received(marker) >= ids.Count && sut.ReceivedBy(marker).Count == ids.Count || service.HasExited, service);
        Assert.False(service.HasExited, service.Describe());
        service.Terminate();
        Assert.True(await service.WaitForExitAsync(Patience), "no exit after SIGTERM\n" + service.Describe());
        Assert.True(service.ExitCode == 0, service.Describe());
    }

    internal static async Task WaitOrExplainAsync(ServiceUnderTest sut, Func<bool> condition, ServiceProcess service)
    {
        try
        {
            await sut.WaitUntilAsync(condition, Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The service did not get there in time.\n" + service.Describe());
        }
    }
}
