using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Telegram.Bot;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Every update is written here before Telegram is told it was received (the next poll's offset, a webhook's 200), and
/// forgotten once handled. The store decides, in the accepting transaction, which updates are new (the update ids seen
/// lately are kept as ranges next to the offset, merged there), numbers the batch and records this instance as its
/// owner: an update that reaches two instances is handled by the one that stored it. A batch this instance has not
/// finished is leased to it; a crashed instance's batches are taken over by another once the lease runs out
/// (<see cref="KeepAsync"/>), a stopped one's at once, the embedded store's at the next start. Every handler is
/// idempotent, so a batch handled again after a crash costs nothing but the repeat.
/// <para>
/// A batch is one document and one write, however many updates it holds, and handling an update writes nothing: per
/// update, the inbox costs a share of one insert and one delete instead of an insert and an update with two indexes
/// each. At thousands of presses a second that was a third of the database writer's work.
/// </para>
/// </summary>
public sealed class UpdateInbox(
    IInboxStore store,
    IStorage storage,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    IOptions<TelegramOptions> options,
    ILogger<UpdateInbox> log) : IDisposable
{
    /// <summary>The channel this inbox keeps the cursor of.</summary>
    public const string Channel = "telegram";

    /// <summary>How long an update id is remembered for deduplication; Telegram numbers updates afresh after a week without any.</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim accepting = new(1, 1);
    private readonly Lock progressLock = new();
    // Per batch this instance owns, the updates not handled yet; a batch is deleted when the last one is handled.
    private readonly Dictionary<long, Dictionary<int, InboxEntry>> unhandled = [];

    /// <summary>This instance, as the batches it owns name it: unique per process, even for two on one machine.</summary>
    public string Owner { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private TimeSpan Lease => options.Value.InboxLeaseTime;

    public void Dispose() => accepting.Dispose();

    /// <summary>Stores the updates no instance stored lately, in one transaction with the channel's cursor, and returns them.</summary>
    public async Task<IReadOnlyList<InboxEntry>> AcceptAsync(IReadOnlyList<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return [];
        }

        await accepting.WaitAsync();
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            // Serialised here, not on the database writer, which every handler waits for.
            var received = new Dictionary<int, Update>();
            var stored = new List<StoredUpdate>(updates.Count);
            foreach (var update in updates)
            {
                if (received.TryAdd(update.Id, update))
                {
                    // Without the Telegram names and username: stored before anyone consented (see UpdateMinimiser).
                    stored.Add(new StoredUpdate
                    {
                        Id = update.Id,
                        Json = UpdateMinimiser.Minimise(System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options)),
                        ChatKey = ChatKeyOf(update),
                        ReceivedAt = now,
                    });
                }
            }

            var arrival = new InboxArrival(Channel, Owner, stored, updates.Max(u => u.Id) + 1, now, SeenFor, Lease);
            var batch = await storage.WriteAsync(tx => store.Accept(tx, arrival));
            if (batch is null)
            {
                return [];
            }

            var entries = batch.Updates.Select(u => Entry(batch.Id, u, received[u.Id])).ToList();
            lock (progressLock)
            {
                unhandled[batch.Id] = entries.ToDictionary(e => e.Id);
            }

            return entries;
        }
        finally
        {
            accepting.Release();
        }
    }

    public int? ReadOffset() => store.ReadCursor(Channel)?.Offset;

    /// <summary>The updates this instance owns and has not handled yet, in the order they arrived.</summary>
    public IReadOnlyList<InboxEntry> Pending()
    {
        lock (progressLock)
        {
            return [.. unhandled.OrderBy(b => b.Key).SelectMany(b => b.Value.Values.OrderBy(e => e.Id))];
        }
    }

    /// <summary>
    /// Takes over the batches no live instance handles (a previous run's; on PostgreSQL those of an instance whose lease
    /// ran out or that stopped) and returns their updates, in the order they arrived.
    /// </summary>
    public async Task<IReadOnlyList<InboxEntry>> RecoverAsync()
    {
        if (!store.AnyToClaim(Owner))
        {
            return [];
        }

        var batches = await storage.WriteAsync(tx => store.Claim(tx, Owner, Lease));
        var entries = new List<InboxEntry>();
        lock (progressLock)
        {
            foreach (var batch in batches)
            {
                var taken = batch.Updates.Select(u => Entry(batch.Id, u, null)).ToList();
                unhandled[batch.Id] = taken.ToDictionary(e => e.Id);
                entries.AddRange(taken);
            }
        }

        if (entries.Count > 0)
        {
            log.LogInformation("Inbox took over {Batches} batch(es) with {Updates} update(s) no running instance was handling", batches.Count, entries.Count);
        }

        return entries;
    }

    /// <summary>
    /// While the service runs: every third of the lease time, renews the lease of the batches this instance is still
    /// handling and takes over any another instance left (<see cref="RecoverAsync"/>), handing them to
    /// <paramref name="handOver"/>. On the embedded store both find nothing after the start and write nothing.
    /// </summary>
    public async Task KeepAsync(Action<IReadOnlyList<InboxEntry>> handOver, TimeProvider transport, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        ArgumentNullException.ThrowIfNull(transport);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Lease / 3, transport, ct);
                bool owning;
                lock (progressLock)
                {
                    owning = unhandled.Count > 0;
                }

                // On the embedded store there is no lease to renew: no transaction every few seconds for nothing.
                if (owning && store.LeasesBatches)
                {
                    await storage.WriteAsync(tx => store.Renew(tx, Owner, Lease));
                }

                var taken = await RecoverAsync();
                if (taken.Count > 0)
                {
                    handOver(taken);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Tried again at the next turn; a lease that runs out meanwhile only lets another instance repeat a batch.
                log.LogWarning(ex, "Could not renew or take over inbox batches; trying again");
            }
        }
    }

    /// <summary>A stopping instance gives its unfinished batches up, so that the next start (or another instance) takes them at once.</summary>
    public async Task ReleaseAsync()
    {
        lock (progressLock)
        {
            if (unhandled.Count == 0)
            {
                return;
            }
        }

        try
        {
            await storage.WriteAsync(tx => store.Release(tx, Owner));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not give up this instance's inbox batches; another takes them once their lease runs out");
        }
    }

    /// <summary>
    /// Marks an update handled (a failure is logged by the processor). When it was the last of its batch, the batch is
    /// deleted, committed with whatever else the writer has queued; otherwise nothing is written.
    /// </summary>
    public Task MarkDoneAsync(InboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (progressLock)
        {
            if (!unhandled.TryGetValue(entry.BatchId, out var left) || !left.Remove(entry.Id) || left.Count > 0)
            {
                return Task.CompletedTask;
            }

            unhandled.Remove(entry.BatchId);
        }

        var batchId = entry.BatchId;
        return storage.WriteAsync(tx => store.DeleteBatch(tx, batchId));
    }

    public static Update Deserialize(InboxEntry entry) =>
        System.Text.Json.JsonSerializer.Deserialize<Update>(entry?.Json ?? "", JsonBotAPI.Options) ?? throw new InvalidDataException("empty update");

    /// <summary>Updates of one user are handled in order; this is the key they are serialised on.</summary>
    public static long ChatKeyOf(Update update) => update switch
    {
        { Message: { } m } => m.Chat.Id,
        { CallbackQuery: { } q } => q.From.Id,
        { PollAnswer: { User: { } u } } => u.Id,
        { MyChatMember: { } c } => c.Chat.Id,
        _ => 0,
    };

    private static InboxEntry Entry(long batchId, StoredUpdate update, Update? received) =>
        new() { Id = update.Id, Json = update.Json, ChatKey = update.ChatKey, ReceivedAt = update.ReceivedAt, BatchId = batchId, Received = received };
}
