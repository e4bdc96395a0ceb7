using System.Diagnostics;
using Directive920Bot.Delivery;
using Directive920Bot.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>SIGTERM during a broadcast: the service exits within the host's shutdown timeout, and a restart completes the
/// broadcast with nobody lost and nobody served twice (in-flight sends finish and are recorded before the exit).</summary>
public sealed class GracefulStopTests(ITestOutputHelper log)
{
    private const int Cadres = 1000;

    /// <summary>The generic host's default <c>HostOptions.ShutdownTimeout</c>; the service does not change it.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_SIGTERM_during_a_broadcast_exits_within_the_shutdown_timeout_and_a_restart_completes_it_without_loss_or_duplicate()
    {
        var random = new Random(ReliabilitySwitch.Seed + 1);
        var stops = ReliabilitySwitch.Pick(ci: 3, longRun: 10);
        await using var sut = await ServiceUnderTest.CreateAsync();
        var ids = await sut.SeedCadresAsync(Cadres);
        const string Marker = "[dừng êm]";
        string campaignId;
        await using (var store = sut.Inspect())
        {
            campaignId = store.Announce($"Thông báo {Marker}: học tập Thông báo 920-TB/TU.").Id;
        }

        for (var stop = 1; stop <= stops; stop++)
        {
            var stopAfter = sut.Received(Marker) + random.Next(50, Cadres / (stops + 1));
            await using var service = sut.StartService();
            await CrashMidBroadcastTests.WaitOrExplainAsync(sut, () => sut.Received(Marker) >= stopAfter || service.HasExited, service);
            Assert.False(service.HasExited, service.Describe());

            // A wall-clock bound, the only one in the suite: an exit is the operating system's event, not the service's.
            var sigterm = Stopwatch.StartNew();
            service.Terminate();
            Assert.True(await service.WaitForExitAsync(ShutdownTimeout), "still running 30 s after SIGTERM\n" + service.Describe());
            log.WriteLine($"stop {stop}: SIGTERM after {sut.Received(Marker)} messages, exit code {service.ExitCode} after {sigterm.Elapsed.TotalSeconds:0.0} s");
            Assert.True(service.ExitCode == 0, service.Describe());

            await using var store = sut.Inspect();
            var atStop = sut.ReceivedBy(Marker);
            var sending = store.Rows(campaignId).Where(r => r.State == DeliveryState.Sending).ToList();
            log.WriteLine($"sending after stop: {sending.Count}: " + string.Join(", ", sending.Select(r => $"{r.SubscriberId} received={atStop.ContainsKey(r.SubscriberId)} attempts={r.Attempts}")));
            // Regression: rows claimed in the moment of the stop were left "sending" without a send (the dispatcher gave up
            // taking their concurrency slots when the stop came).
            Assert.Empty(sending);
        }

        await CrashMidBroadcastTests.CompleteAfterRestartAsync(sut, Marker, ids);

        var received = sut.ReceivedBy(Marker);
        Assert.Equal(Cadres, received.Count);
        Assert.All(received.Values, messages => Assert.Single(messages));
        await using (var store = sut.Inspect())
        {
            Assert.All(store.Rows(campaignId), r => Assert.Equal(DeliveryState.Sent, r.State));
            Assert.Equal(Cadres, store.Progress(campaignId).Sent);
        }
    }
}
