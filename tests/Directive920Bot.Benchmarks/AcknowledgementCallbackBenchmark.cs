using Directive920Bot.Storage.LiteDb;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal: ≥ 2,000 acknowledgement callbacks per second through the real update path — emulator → poller → durable inbox →
/// processor → router → engagement handler → LiteDB (the acknowledgement) → edit + answerCallbackQuery — on 2 cores.
/// Each iteration acknowledges a fresh announcement (no quiz) for every subscriber, each with its reminder watch;
/// time is per acknowledgement.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class AcknowledgementCallbackBenchmark
{
    public const int Cadres = 2_000;
    private BenchmarkHost host = null!;
    private List<(long User, int MessageId, string Data)> presses = [];
    private int round;
    private List<string> pressed = [];

    [GlobalSetup]
    public void Setup()
    {
        var settings = BenchmarkHost.PacingLifted(maxConcurrency: 16);
        settings["Engagement:TickSeconds"] = "0";
        host = BenchmarkHost.StartAsync(settings, start: true).GetAwaiter().GetResult();
        host.Seed(Cadres, addUsers: true);
    }

    /// <summary>Delivers a new occurrence of the announcement to everyone and collects the acknowledgement buttons.</summary>
    [IterationSetup]
    public void DeliverFreshAnnouncement()
    {
        round++;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var rows = Enumerable.Range(1, Cadres).Select(i => new DeliveryRow
        {
            Id = $"c:bench{round}:1:{1_000_000 + i}",
            OccurrenceId = $"c:bench{round}:1",
            CampaignId = $"bench{round}",
            SubscriberId = 1_000_000 + i,
            Kind = DeliveryKind.Announcement,
            // Free text, so each round is a new subject to acknowledge (an item is acknowledged once per content hash).
            Html = $"Thông báo số {round}: đơn vị sẽ học tập Thông báo 920-TB/TU tại buổi sinh hoạt tới.",
            RequireAck = true,
            UnitCode = "SNV-VP",
            DueAt = now,
        }).ToList();
        var ledger = host.Get<DeliveryLedger>();
        ledger.Enqueue(rows);
        host.Emulator.WaitUntilAsync(() => ledger.ForCampaign($"bench{round}", DeliveryState.Sent).Count == Cadres, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        // One reminder tick, as the service runs every minute: every delivery now has its reminder watch, as it would
        // for any press later than the first minute after sending.
        var watched = host.Get<ReminderService>().RunAsync(TimeProvider.System.GetUtcNow()).GetAwaiter().GetResult().Watched;
        if (watched != Cadres)
        {
            throw new InvalidOperationException($"round {round}: {watched} reminder watches for {Cadres} deliveries");
        }

        presses = ledger.ForCampaign($"bench{round}").Select(r =>
        {
            var message = host.Emulator.Transcript(r.SubscriberId).Single(m => m.MessageId == r.MessageId);
            return (r.SubscriberId, r.MessageId!.Value, message.Buttons.SelectMany(b => b).Single().CallbackData!);
        }).ToList();
    }

    [Benchmark(Description = "Acknowledge 2,000 deliveries through the update path (per acknowledgement)", OperationsPerInvoke = Cadres)]
    public async Task Acknowledge()
    {
        var before = Writer();
        var pgBefore = host.OnPostgres ? host.Get<Storage.Postgres.PostgresStorage>().Statistics : default;
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var (allocatedBefore, pausedBefore, gcsBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var byDeadlineBefore = host.Get<Telegram.CallbackAnswers>().AnsweredByDeadline;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        pressed = presses.Select(p => host.Emulator.PressButton(p.User, p.MessageId, p.Data)).ToList();

        // The bot answers a press after the acknowledgement is committed, so an answered press is a durable one.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = 0;
        while (next < pressed.Count)
        {
            if (host.Emulator.GetCallbackAnswer(pressed[next])?.Answered == true)
            {
                next++;
                continue;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{next} of {pressed.Count} presses answered");
            }

            await Task.Delay(5);
        }

        // A press the handler has not answered within Telegram:CallbackAnswerDeadline is answered by the deadline, before
        // its acknowledgement commits (on PostgreSQL, with thousands of presses retrying conflicts on one unit's counters,
        // the tail does). So the run ends when every acknowledgement is stored, not at the last answer; on LiteDB that is
        // one read, every answer there having come after its commit.
        var acknowledged = host.Get<IAcknowledgements>();
        while (acknowledged.ForSubject($"c:bench{round}:1").Count < Cadres)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{acknowledged.ForSubject($"c:bench{round}:1").Count} of {Cadres} acknowledgements stored");
            }

            await Task.Delay(20);
        }

        // Where the time goes: how busy the single LiteDB writer was, and how many items each commit carried.
        var after = Writer();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(System.FormattableString.Invariant(
            $"// process CPU {cpu.TotalMicroseconds / Cadres:F0} µs per acknowledgement ({cpu.TotalMilliseconds / elapsed.TotalMilliseconds:F2} cores busy); {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / Cadres:F0} KB allocated per acknowledgement, {GC.CollectionCount(0) - gcsBefore} collections pausing {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms"));
        if (host.OnPostgres)
        {
            var (retries, commits) = host.Get<Storage.Postgres.PostgresStorage>().Statistics;
            Console.WriteLine(System.FormattableString.Invariant($"// PostgreSQL: {commits - pgBefore.Commits} commits, {retries - pgBefore.Retries} retried transactions, {host.Get<Telegram.CallbackAnswers>().AnsweredByDeadline - byDeadlineBefore} presses answered by the deadline before their commit"));
        }
        else
        {
            Console.WriteLine(System.FormattableString.Invariant(
                $"// writer busy {(after!.Value.Busy - before!.Value.Busy).TotalMilliseconds / elapsed.TotalMilliseconds:P0} of {elapsed.TotalMilliseconds:F0} ms (committing {(after.Value.Committing - before.Value.Committing).TotalMilliseconds:F0} ms), {after.Value.Items - before.Value.Items} items in {after.Value.Commits - before.Value.Commits} commits"));
        }
    }

    // The single LiteDB writer's statistics; PostgreSQL has no such writer (its commits are counted instead).
    private (long Commits, long Items, TimeSpan Busy, TimeSpan Committing)? Writer() => host.OnPostgres ? null : host.Get<Storage.LiteDb.Database>().WriterStatistics;

    [IterationCleanup]
    public void Verify()
    {
        // Once each: the figure is only worth something if every press was recorded exactly once.
        var recorded = host.Get<IAcknowledgements>().ForSubject($"c:bench{round}:1").Count;
        if (recorded != Cadres)
        {
            throw new InvalidOperationException($"round {round}: {recorded} acknowledgements for {Cadres} presses");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// <see cref="BenchmarkConfig"/>'s in-process monitoring job with a longer run timeout: on the loaded shared machine one
/// iteration (2,000 presses plus delivering the next 2,000 buttons) takes tens of seconds, past the default limit.
/// </summary>
public sealed class InProcessMonitoringConfig : ManualConfig
{
    public InProcessMonitoringConfig() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
        .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
}
