using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Every update is written here before Telegram is told it was received (the next poll's offset), and forgotten once
/// handled. A crash in between handles the updates of an unfinished batch again at the next start; every handler is
/// idempotent. The same update_id delivered twice is accepted once: the ids seen lately are kept as ranges next to the
/// offset, in the same document and transaction.
/// <para>
/// A batch is one document and one write, however many updates it holds, and handling an update writes nothing: per
/// update, the inbox costs a share of one insert and one delete instead of an insert and an update with two indexes
/// each. At thousands of presses a second that was a third of the database writer's work.
/// </para>
/// </summary>
public sealed class UpdateInbox(IInboxStore store, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time, ILogger<UpdateInbox> log) : IDisposable
{
    /// <summary>The channel this inbox keeps the cursor of.</summary>
    public const string Channel = "telegram";

    /// <summary>How long an update id is remembered for deduplication; Telegram numbers updates afresh after a week without any.</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim accepting = new(1, 1);
    private readonly Lock progressLock = new();
    // Per stored batch, the updates not handled yet; a batch is deleted when the last one is handled. Batches left by
    // a previous run are read once, before the first accept, so that batch ids continue after theirs.
    private readonly Dictionary<long, Dictionary<int, InboxEntry>> unhandled = [];
    private bool recovered;
    private long recoveredThrough;
    private List<SeenRange>? seen;
    private long nextBatchId;

    public void Dispose() => accepting.Dispose();

    /// <summary>Stores the updates not seen before, in one transaction with the next offset, and returns them.</summary>
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
            var ranges = Seen().Where(r => now - r.LastSeenAt < SeenFor).ToList();
            var fresh = new List<Update>();
            foreach (var update in updates)
            {
                if (!ranges.Any(r => r.Contains(update.Id)))
                {
                    SeenRanges.Remember(ranges, update.Id, now);
                    fresh.Add(update);
                }
            }

            ranges = SeenRanges.Newest(ranges);

            Recover();
            var batchId = Interlocked.Increment(ref nextBatchId);
            // Serialised here, not on the database writer, which every handler waits for.
            var entries = fresh.Select(update => new InboxEntry
            {
                Id = update.Id,
                // Without the Telegram names and username: stored before anyone consented (see UpdateMinimiser).
                Json = UpdateMinimiser.Minimise(System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options)),
                ChatKey = ChatKeyOf(update),
                ReceivedAt = now,
                BatchId = batchId,
                Received = update,
            }).ToList();
            var cursor = new InboxCursor(updates.Max(u => u.Id) + 1, ranges);
            var batch = entries.Count == 0 ? null : new StoredUpdateBatch { Id = batchId, ReceivedAt = now, Updates = [.. entries.Select(Stored)] };
            if (entries.Count > 0)
            {
                lock (progressLock)
                {
                    unhandled[batchId] = entries.ToDictionary(e => e.Id);
                }
            }

            try
            {
                await storage.WriteAsync(tx => store.Accept(tx, Channel, batch, cursor));
            }
            catch
            {
                lock (progressLock)
                {
                    unhandled.Remove(batchId);
                }

                throw;
            }

            seen = ranges;
            return entries;
        }
        finally
        {
            accepting.Release();
        }
    }

    public int? ReadOffset() => store.ReadCursor(Channel)?.Offset;

    /// <summary>The updates stored and not handled yet, in the order they arrived.</summary>
    public IReadOnlyList<InboxEntry> Pending()
    {
        Recover();
        lock (progressLock)
        {
            return [.. unhandled.OrderBy(b => b.Key).SelectMany(b => b.Value.Values.OrderBy(e => e.Id))];
        }
    }

    /// <summary>The updates a previous run stored and did not finish handling, in the order they arrived.</summary>
    public IReadOnlyList<InboxEntry> Recovered()
    {
        Recover();
        lock (progressLock)
        {
            return [.. unhandled.Where(b => b.Key <= recoveredThrough).OrderBy(b => b.Key).SelectMany(b => b.Value.Values.OrderBy(e => e.Id))];
        }
    }

    private void Recover()
    {
        lock (progressLock)
        {
            if (recovered)
            {
                return;
            }

            foreach (var batch in store.Batches())
            {
                unhandled[batch.Id] = batch.Updates.Select(u => new InboxEntry { Id = u.Id, Json = u.Json, ChatKey = u.ChatKey, ReceivedAt = u.ReceivedAt, BatchId = batch.Id })
                    .ToDictionary(e => e.Id);
                nextBatchId = Math.Max(nextBatchId, batch.Id);
            }

            recoveredThrough = nextBatchId;
            recovered = true;
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

    private static StoredUpdate Stored(InboxEntry entry) =>
        new() { Id = entry.Id, Json = entry.Json, ChatKey = entry.ChatKey, ReceivedAt = entry.ReceivedAt };

    private List<SeenRange> Seen()
    {
        if (seen is not null)
        {
            return seen;
        }

        seen = [.. store.ReadCursor(Channel)?.Seen ?? []];
        log.LogDebug("Inbox remembers {Count} range(s) of update ids", seen.Count);
        return seen;
    }
}
