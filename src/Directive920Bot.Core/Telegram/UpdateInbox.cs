using Directive920Bot.Storage;
using LiteDB;
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
public sealed class UpdateInbox(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time, ILogger<UpdateInbox> log) : IDisposable
{
    public const string CollectionName = "inbox_batches";
    public const string OffsetKey = "telegram_offset";

    /// <summary>How long an update id is remembered for deduplication; Telegram numbers updates afresh after a week without any.</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromDays(7);

    /// <summary>At most this many ranges of seen ids are kept (ids are consecutive, so one range usually covers all).</summary>
    public const int MaxSeenRanges = 64;

    private readonly SemaphoreSlim accepting = new(1, 1);
    private readonly Lock progressLock = new();
    // Per stored batch, the updates not handled yet; a batch is deleted when the last one is handled. Batches left by
    // a previous run are read once, before the first accept, so that batch ids continue after theirs.
    private readonly Dictionary<long, Dictionary<int, InboxEntry>> unhandled = [];
    private bool recovered;
    private long recoveredThrough;
    private List<SeenRange>? seen;
    private long nextBatchId;

    private ILiteCollection<InboxBatch> Batches => db.Collection<InboxBatch>(CollectionName);

    public void Dispose() => accepting.Dispose();

    public static readonly StoreSchema Schema = new(CollectionName, (_, mapper) => mapper?.ToDocument(new InboxBatch { Updates = [new InboxEntry()] }));

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
                    Remember(ranges, update.Id, now);
                    fresh.Add(update);
                }
            }

            ranges = Newest(ranges);

            Recover();
            var batchId = Interlocked.Increment(ref nextBatchId);
            // Serialised here, not on the database writer, which every handler waits for.
            var entries = fresh.Select(update => new InboxEntry
            {
                Id = update.Id,
                Json = System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options),
                ChatKey = ChatKeyOf(update),
                ReceivedAt = now,
                BatchId = batchId,
                Received = update,
            }).ToList();
            var offset = updates.Max(u => u.Id) + 1;
            var state = OffsetDocument(offset, ranges);
            if (entries.Count > 0)
            {
                lock (progressLock)
                {
                    unhandled[batchId] = entries.ToDictionary(e => e.Id);
                }
            }

            try
            {
                await db.WriteAsync(() =>
                {
                    if (entries.Count > 0)
                    {
                        Batches.Insert(new InboxBatch { Id = batchId, ReceivedAt = now, Updates = entries });
                    }

                    db.Lite.GetCollection("_meta").Upsert(state);
                });
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

    public int? ReadOffset() => db.Lite.GetCollection("_meta").FindById(OffsetKey)?["value"].AsInt32;

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

            foreach (var batch in Batches.FindAll())
            {
                foreach (var entry in batch.Updates)
                {
                    entry.BatchId = batch.Id;
                }

                unhandled[batch.Id] = batch.Updates.ToDictionary(e => e.Id);
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
        return db.WriteAsync(() => Batches.Delete(batchId));
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

    /// <summary>The offset document: the next offset and the ranges of update ids seen lately.</summary>
    public static BsonDocument OffsetDocument(int offset, IEnumerable<SeenRange> ranges) => new()
    {
        ["_id"] = OffsetKey,
        ["value"] = offset,
        ["seen"] = new BsonArray(ranges.Select(r => new BsonDocument { ["from"] = r.From, ["to"] = r.To, ["at"] = r.LastSeenAt })),
    };

    private List<SeenRange> Seen()
    {
        if (seen is not null)
        {
            return seen;
        }

        var stored = db.Lite.GetCollection("_meta").FindById(OffsetKey)?["seen"];
        seen = stored is { IsArray: true }
            ? [.. stored.AsArray.Select(v => new SeenRange(v["from"].AsInt32, v["to"].AsInt32, v["at"].AsDateTime.ToUniversalTime()))]
            : [];
        log.LogDebug("Inbox remembers {Count} range(s) of update ids", seen.Count);
        return seen;
    }

    /// <summary>The newest <see cref="MaxSeenRanges"/> ranges, in id order.</summary>
    internal static List<SeenRange> Newest(List<SeenRange> ranges) =>
        ranges.Count <= MaxSeenRanges ? ranges : [.. ranges.OrderByDescending(r => r.LastSeenAt).ThenByDescending(r => r.To).Take(MaxSeenRanges).OrderBy(r => r.From)];

    /// <summary>
    /// Adds <paramref name="id"/>, seen at <paramref name="at"/>, to disjoint ranges kept in id order, joining neighbours.
    /// Looks from the newest end: a new update_id is nearly always the next one.
    /// </summary>
    internal static void Remember(List<SeenRange> ranges, int id, DateTime at)
    {
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            var range = ranges[i];
            var latest = at > range.LastSeenAt ? at : range.LastSeenAt;
            if (id > range.To + 1)
            {
                ranges.Insert(i + 1, new SeenRange(id, id, at));
                return;
            }

            if (id == range.To + 1)
            {
                ranges[i] = range with { To = id, LastSeenAt = latest };
                if (i + 1 < ranges.Count && ranges[i + 1].From == id + 1)
                {
                    ranges[i] = ranges[i] with { To = ranges[i + 1].To, LastSeenAt = ranges[i + 1].LastSeenAt > latest ? ranges[i + 1].LastSeenAt : latest };
                    ranges.RemoveAt(i + 1);
                }

                return;
            }

            if (id >= range.From)
            {
                return;
            }

            if (id == range.From - 1 && (i == 0 || ranges[i - 1].To + 1 < id))
            {
                ranges[i] = range with { From = id, LastSeenAt = latest };
                return;
            }
        }

        ranges.Insert(0, new SeenRange(id, id, at));
    }
}
