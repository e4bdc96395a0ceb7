using System.Threading.Channels;

namespace Directive920Bot.Telegram;

/// <summary>
/// Runs handlers off the polling loop: one user's updates in order, different users in parallel (bounded),
/// so a slow handler never stalls polling and an exception never stops it.
/// </summary>
public sealed class UpdateProcessor : BackgroundService
{
    private readonly Channel<InboxEntry> queue = Channel.CreateUnbounded<InboxEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, Task> tails = [];
    private readonly Lock tailsLock = new();
    private readonly SemaphoreSlim slots;
    private readonly UpdateRouter router;
    private readonly UpdateInbox inbox;
    private readonly ILogger<UpdateProcessor> log;
    private long inFlight;

    private readonly Hosting.BotMetrics metrics;
    private readonly TimeProvider transport;

    public UpdateProcessor(
        UpdateRouter router,
        UpdateInbox inbox,
        Microsoft.Extensions.Options.IOptions<TelegramOptions> options,
        Hosting.BotMetrics metrics,
        [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport,
        ILogger<UpdateProcessor> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.metrics = metrics;
        this.transport = transport;
        this.router = router;
        this.inbox = inbox;
        this.log = log;
        slots = new SemaphoreSlim(options.Value.MaxConcurrentUpdates);
    }

    /// <summary>Updates accepted but not yet handled.</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    public void Enqueue(IEnumerable<InboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Interlocked.Increment(ref inFlight);
            queue.Writer.TryWrite(entry);
        }
    }

    public override void Dispose()
    {
        slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever a crash left unhandled is handled first, in update order.
        Enqueue(inbox.Recovered());
        var running = new List<Task>();
        try
        {
            await foreach (var entry in queue.Reader.ReadAllAsync(stoppingToken))
            {
                Task next;
                lock (tailsLock)
                {
                    tails.TryGetValue(entry.ChatKey, out var tail);
                    next = ChainAsync(tail ?? Task.CompletedTask, entry, stoppingToken);
                    tails[entry.ChatKey] = next;
                }

                running.Add(next);
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let handlers that already started finish; what has not started stays pending in the inbox.
        await Task.WhenAll(running);
    }

    private async Task ChainAsync(Task previous, InboxEntry entry, CancellationToken ct)
    {
        await previous;
        if (ct.IsCancellationRequested)
        {
            Interlocked.Decrement(ref inFlight);
            return;
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            var update = entry.Received ?? UpdateInbox.Deserialize(entry);
            var started = transport.GetTimestamp();
            await router.RouteAsync(update, ct);
            metrics.UpdateDuration.Record(transport.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: leave it pending so the next start handles it.
            Interlocked.Decrement(ref inFlight);
            slots.Release();
            return;
        }
        catch (Exception ex)
        {
            // Logged, not retried: handling it again would most likely fail the same way, and polling must go on.
            log.LogError(ex, "Update {UpdateId} failed; polling goes on", entry.Id);
        }

        try
        {
            await inbox.MarkDoneAsync(entry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not marked: the next start handles it again, which every handler tolerates (idempotent).
            log.LogWarning(ex, "Update {UpdateId} was handled but could not be marked done", entry.Id);
        }
        finally
        {
            slots.Release();
            Interlocked.Decrement(ref inFlight);
            lock (tailsLock)
            {
                if (tails.TryGetValue(entry.ChatKey, out var tail) && tail.IsCompleted)
                {
                    tails.Remove(entry.ChatKey);
                }
            }
        }
    }
}
