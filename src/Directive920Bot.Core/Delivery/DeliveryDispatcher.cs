using Directive920Bot.Storage;
using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

/// <summary>
/// The single paced sender: drains due ledger rows (priority, then due time) with bounded concurrency through
/// the channel (<see cref="IChannelSender"/>, which waits on the <see cref="IOutboundGate"/>), and records every outcome in the ledger, in one
/// transaction with what the <see cref="IDeliveryOutcomeRecorder"/>s write for it; <see cref="IDeliveryObserver"/>s
/// are told after that commit.
/// On stop it claims nothing more and lets the sends in flight finish (bounded by <see cref="DrainTimeout"/>).
/// It drains only while it holds the <see cref="IDispatcherLease"/> (at once on the embedded store; on a shared store
/// one instance per bot at a time); when the lease is lost it claims nothing more, lets the sends in flight finish and
/// waits for the lease again.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryLedger ledger,
    ISubscribers subscribers,
    MessageComposer composer,
    IChannelSender channel,
    IEnumerable<IDeliveryOutcomeRecorder> recorders,
    IEnumerable<IDeliveryObserver> observers,
    [FromKeyedServices(Clocks.Business)] TimeProvider time,
    [FromKeyedServices(Clocks.Transport)] TimeProvider transport,
    IOptions<DeliveryOptions> options,
    IStorage storage,
    IDispatcherLease lease,
    ILogger<DeliveryDispatcher> log) : BackgroundService
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource sendAbort = new();
    private readonly IDeliveryOutcomeRecorder[] outcomeRecorders = [.. recorders];
    private long sentCount;

    /// <summary>Messages sent since start (all parts of a row count once).</summary>
    public long SentCount => Interlocked.Read(ref sentCount);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            IDispatcherLeaseHandle held;
            try
            {
                held = await lease.AcquireAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await using (held)
            {
                var interrupted = ledger.RecoverAtStart();
                if (interrupted > 0)
                {
                    log.LogWarning("{Count} deliveries were interrupted while sending; they are sent again", interrupted);
                }

                using var draining = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
                await DrainAsync(() => stoppingToken.IsCancellationRequested, draining.Token);
                if (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning("The dispatcher lease was lost; this instance sends nothing more until it holds the lease again");
                }
            }
        }
    }

    /// <summary>Claims and sends until <paramref name="ct"/> (stop or lease lost); then waits for the sends in flight.</summary>
    private async Task DrainAsync(Func<bool> stopping, CancellationToken ct)
    {
        var max = options.Value.MaxConcurrency;
        using var slots = new SemaphoreSlim(max, max);
        var inflight = new HashSet<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await slots.WaitAsync(ct);
                var free = slots.CurrentCount + 1;
                var wakeTask = ledger.Queue.WaitSignalAsync();
                var rows = await ledger.ClaimDueAsync(time.GetUtcNow().UtcDateTime, free);
                if (rows.Count == 0)
                {
                    slots.Release();
                    await IdleAsync(wakeTask, ct);
                    continue;
                }

                // One slot is held already; take one more per extra row (they were free a moment ago and only this loop takes them).
                // Not with the stopping token: the rows are claimed ("sending") already, and a stop that cancelled here would
                // leave them "sending" without a send; so they are sent, and drained like any send in flight.
                for (var i = 1; i < rows.Count; i++)
                {
                    await slots.WaitAsync(CancellationToken.None);
                }

                foreach (var row in rows)
                {
                    var task = Task.Run(async () =>
                    {
                        try
                        {
                            await ProcessAsync(row);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                    lock (inflight)
                    {
                        inflight.Add(task);
                    }

                    _ = task.ContinueWith(t =>
                    {
                        lock (inflight)
                        {
                            inflight.Remove(t);
                        }
                    }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        Task[] pending;
        lock (inflight)
        {
            pending = [.. inflight];
        }

        // A lost lease lets the sends in flight finish (their rows are claimed; the next holder would send them again
        // only if they stayed "sending"); a stop bounds them by the drain timeout.
        if (stopping())
        {
            sendAbort.CancelAfter(DrainTimeout);
        }

        await Task.WhenAll(pending);
    }

    public override void Dispose()
    {
        sendAbort.Dispose();
        base.Dispose();
    }

    private async Task IdleAsync(Task wakeTask, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var next = ledger.NextFuture(now);
        var businessWait = next is { } due && due > now ? due - now : (TimeSpan?)null;
        var tasks = new List<Task> { wakeTask, Task.Delay(IdlePoll, transport, ct) };
        if (businessWait is { } w)
        {
            // The next row falls due on the business clock: with a pinned clock this completes when the test moves it.
            tasks.Add(Task.Delay(w, time, ct));
        }

        await Task.WhenAny(tasks);
        ct.ThrowIfCancellationRequested();
    }

    private async Task ProcessAsync(DeliveryRow row)
    {
        var ct = sendAbort.Token;
        try
        {
            var subscriber = subscribers.Find(row.SubscriberId);
            if (subscriber is null || !subscriber.IsReachable)
            {
                await FinishAsync(row, DeliveryState.Skipped, $"not reachable ({subscriber?.Status.ToString() ?? "deleted"})");
                return;
            }

            // Paused: no lessons and no spaced-review questions (review rows are queued again on /resume).
            if (subscriber.Paused && row.Kind is DeliveryKind.Lesson or DeliveryKind.Review)
            {
                await FinishAsync(row, DeliveryState.Skipped, "paused");
                return;
            }

            if (row.Html is null && row.Language != subscriber.Language)
            {
                // A content item is sent in the language the cadre uses now, not the one they had when the row was planned.
                row.Language = subscriber.Language;
            }

            var message = composer.Compose(row);
            if (message is null)
            {
                await FinishAsync(row, DeliveryState.Failed, $"nothing to send: content item '{row.ItemId}' not found");
                return;
            }

            var parts = MessageComposer.Split(message);
            SendResult result = new(false);
            for (var i = Math.Min(row.PartsSent, parts.Count - 1); i < parts.Count; i++)
            {
                result = await channel.TrySendAsync(row.SubscriberId, parts[i], SendPriority.Broadcast, ct);
                if (!result.Ok)
                {
                    break;
                }

                if (i < parts.Count - 1)
                {
                    await ledger.RecordPartAsync(row, i + 1);
                }
            }

            await OnResultAsync(row, result);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the request may or may not have reached Telegram; the row stays "sending" and start-up resends it.
            log.LogInformation("Delivery {Id} interrupted by shutdown", row.Id);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Delivery {Id} failed unexpectedly", row.Id);
            await BackoffAsync(row, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async Task OnResultAsync(DeliveryRow row, SendResult result)
    {
        // The ledger is channel-neutral; it records which channel the adapter used for this send.
        row.Channel = result.Channel ?? row.Channel;
        var now = time.GetUtcNow().UtcDateTime;
        if (result.Ok)
        {
            Interlocked.Increment(ref sentCount);
            await ledger.CompleteAsync(row, DeliveryState.Sent, null, result.MessageId, RecordOutcome);
            await NotifyAsync(row);
            return;
        }

        var error = $"{result.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "network"}: {result.Description}";
        if (result.IsRateLimited)
        {
            // The gate is already penalised; the row waits out retry_after on the ledger too, without spending an attempt.
            await ledger.RetryAsync(row, now + (result.RetryAfter ?? TimeSpan.FromSeconds(1)), error, countAttempt: false);
            return;
        }

        if (result.IsBlocked)
        {
            if (await storage.WriteAsync(tx => subscribers.SetStatus(tx, row.SubscriberId, SubscriberStatus.Blocked, SubscriberStatus.Active)))
            {
                log.LogInformation("Subscriber {Id} is unreachable ({Code}); marked blocked", row.SubscriberId, result.ErrorCode);
            }

            await FinishAsync(row, DeliveryState.Blocked, error);
            return;
        }

        if (result.IsTransient)
        {
            await BackoffAsync(row, error);
            return;
        }

        await FinishAsync(row, DeliveryState.Failed, error);
    }

    private async Task BackoffAsync(DeliveryRow row, string error)
    {
        if (row.Attempts >= options.Value.MaxAttempts)
        {
            await FinishAsync(row, DeliveryState.Failed, $"gave up after {row.Attempts} attempts: {error}");
            return;
        }

        var delay = options.Value.RetryBaseDelay * Math.Pow(2, Math.Max(0, row.Attempts - 1));
        await ledger.RetryAsync(row, time.GetUtcNow().UtcDateTime + (delay < MaxBackoff ? delay : MaxBackoff), error);
    }

    private async Task FinishAsync(DeliveryRow row, DeliveryState state, string? error)
    {
        await ledger.CompleteAsync(row, state, error, alongside: RecordOutcome);
        await NotifyAsync(row);
    }

    /// <summary>Runs on the database writer, in the transaction of the outcome.</summary>
    private void RecordOutcome(ITransaction tx, DeliveryRow row)
    {
        foreach (var recorder in outcomeRecorders)
        {
            try
            {
                recorder.Record(tx, row);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not Storage.StorageConflictException)
            {
                // As for engagement's observers: one recorder's bug must not undo or repeat a send that happened, nor
                // starve the others. A failure of the commit itself (a counter's write) still rolls the outcome back.
                log.LogError(ex, "Delivery outcome recorder {Recorder} failed for {Id}", recorder.GetType().Name, row.Id);
            }
        }
    }

    private async Task NotifyAsync(DeliveryRow row)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnOutcomeAsync(row, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // An observer's failure must not undo or repeat a send that happened.
                log.LogError(ex, "Delivery observer {Observer} failed for {Id}", observer.GetType().Name, row.Id);
            }
        }
    }
}
