using System.Threading.Channels;
using Directive920Bot.Channels;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Runs handlers off the polling loop: one user's updates in order, different users in parallel (bounded),
/// so a slow handler never stalls polling and an exception never stops it. At most
/// <see cref="TelegramOptions.MaxUpdatesInFlight"/> updates are accepted and not yet handled: <see cref="AcceptAsync"/>,
/// the one entry point of updates (the poller's, and a webhook's), waits for room, so the poller stops fetching.
/// </summary>
public sealed class UpdateProcessor : BackgroundService
{
    private readonly Channel<InboxEntry> queue = Channel.CreateUnbounded<InboxEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, Task> tails = [];
    private readonly Lock tailsLock = new();
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim room;
    private readonly int capacity;
    private readonly CallbackAnswers answers;
    private readonly InputThrottle throttle;
    private readonly UpdateRouter router;
    private readonly UpdateInbox inbox;
    private readonly ILogger<UpdateProcessor> log;
    private long inFlight;
    private IReadOnlyList<InboxEntry> recovered = [];

    private readonly Hosting.BotMetrics metrics;
    private readonly TimeProvider transport;

    public UpdateProcessor(
        UpdateRouter router,
        UpdateInbox inbox,
        CallbackAnswers answers,
        [FromKeyedServices(ChannelAddress.Telegram)] InputThrottle throttle,
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
        this.answers = answers;
        this.throttle = throttle;
        this.log = log;
        slots = new SemaphoreSlim(options.Value.MaxConcurrentUpdates);
        capacity = options.Value.MaxUpdatesInFlight;
        room = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>The most updates accepted and not yet handled; a poller asks for no more than this at once.</summary>
    public int Capacity => capacity;

    /// <summary>
    /// The entry point of updates from Telegram: waits until the in-flight bound has room for them (back-pressure:
    /// the caller — the poller, or a webhook request — waits here while handlers are behind), stores them in the
    /// durable inbox and hands them to the handlers. A button press's answer deadline starts now.
    /// </summary>
    public async Task AcceptAsync(IReadOnlyList<Update> received, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(received);
        // The per-person limit applies here, before the inbox and the in-flight bound: a flood is neither stored nor
        // queued, so it cannot fill the bound that everyone else's updates wait for. One notice per window goes through.
        var notices = new HashSet<int>();
        var updates = new List<Update>(received.Count);
        foreach (var update in received)
        {
            if (UpdateRouter.SenderOf(update) is { } person && !throttle.TryAdmit(ChannelAddress.ForTelegram(person.Id)))
            {
                if (throttle.ShouldNotice(ChannelAddress.ForTelegram(person.Id)))
                {
                    notices.Add(update.Id);
                    updates.Add(update);
                }
                else if (update.CallbackQuery is { } dropped)
                {
                    // Every press is answered, a dropped one silently (the spinner stops).
                    _ = answers.AnswerAsync(dropped.Id, Channels.CallbackReply.Silent);
                }

                continue;
            }

            updates.Add(update);
        }

        // Each free place in the bound is used at once: wait for one, take whatever more is free now, store and hand
        // over that part, and go on. (Waiting for room for a whole part first held free places idle — with handlers
        // that do not finish, for good.)
        var next = 0;
        while (next < updates.Count)
        {
            await room.WaitAsync(ct);
            var taken = 1;
            while (next + taken < updates.Count && room.Wait(0, CancellationToken.None))
            {
                taken++;
            }

            var part = updates.Skip(next).Take(taken).ToList();
            next += taken;
            var entries = await inbox.AcceptAsync(part);
            if (entries.Count < part.Count)
            {
                room.Release(part.Count - entries.Count); // updates seen before are not handled again
            }

            foreach (var entry in entries)
            {
                entry.HoldsRoom = true;
                entry.NoticeOnly = notices.Contains(entry.Id);
                if (entry.Received?.CallbackQuery is { } query)
                {
                    answers.Watch(query.Id);
                }
            }

            Enqueue(entries);
        }
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
        room.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Takes over what a previous run (or a crashed instance) left before the poller or the webhook accepts anything new,
    /// so that it is handled first, in update order.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        recovered = await inbox.RecoverAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Enqueue(recovered);
        recovered = [];
        // Renews this instance's lease on its unfinished batches and takes over those another instance left.
        var keeping = inbox.KeepAsync(Enqueue, transport, stoppingToken);
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

        // Let handlers that already started finish; what has not started stays pending in the inbox, given up for the
        // next start or another instance to take at once.
        await Task.WhenAll(running);
        await keeping;
        await inbox.ReleaseAsync();
    }

    private async Task ChainAsync(Task previous, InboxEntry entry, CancellationToken ct)
    {
        await previous;
        if (ct.IsCancellationRequested)
        {
            Interlocked.Decrement(ref inFlight);
            ReleaseRoom(entry);
            return;
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            var update = entry.Received ?? UpdateInbox.Deserialize(entry);
            var started = transport.GetTimestamp();
            await (entry.NoticeOnly ? router.NoticeAsync(update, ct) : router.RouteAsync(update, ct));
            metrics.UpdateDuration.Record(transport.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: leave it pending so the next start handles it.
            Interlocked.Decrement(ref inFlight);
            slots.Release();
            ReleaseRoom(entry);
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
            ReleaseRoom(entry);
            lock (tailsLock)
            {
                if (tails.TryGetValue(entry.ChatKey, out var tail) && tail.IsCompleted)
                {
                    tails.Remove(entry.ChatKey);
                }
            }
        }
    }

    private void ReleaseRoom(InboxEntry entry)
    {
        if (entry.HoldsRoom)
        {
            entry.HoldsRoom = false;
            room.Release();
        }
    }
}
