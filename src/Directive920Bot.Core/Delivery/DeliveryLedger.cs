using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Delivery;

/// <summary>
/// The durable outbox, collection <c>deliveries</c>: the only code that writes ledger rows. Rows are inserted if absent
/// (their id is unique per occurrence and subscriber), so expanding or enqueuing twice stores each message once.
/// An in-memory due queue mirrors the pending rows for the dispatcher; the database stays the truth (rebuilt at start).
/// </summary>
public sealed class DeliveryLedger(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string CollectionName = "deliveries";

    /// <summary>Rows of large expansions not yet written as rows (see <see cref="DeliveryChunk"/>).</summary>
    public const string ChunksCollection = "delivery_chunks";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var rows = database.GetCollection<DeliveryRow>(CollectionName);
        rows.EnsureIndex(r => r.State);
        rows.EnsureIndex(r => r.CampaignId);
        rows.EnsureIndex(r => r.SubscriberId);
        rows.EnsureIndex(r => r.SentAt);
        database.GetCollection<DeliveryChunk>(ChunksCollection).EnsureIndex(c => c.CampaignId);
        mapper.ToDocument(new DeliveryRow());
        mapper.ToDocument(new DeliveryChunk());
    });

    private TaskCompletionSource chunksAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ILiteCollection<DeliveryRow> Rows => db.Collection<DeliveryRow>(CollectionName);

    private ILiteCollection<DeliveryChunk> Chunks => db.Collection<DeliveryChunk>(ChunksCollection);

    internal DueQueue Queue { get; } = new();

    internal Database Database => db;

    /// <summary>Inserts the rows whose id is not stored yet, in one transaction; wakes the dispatcher. Returns how many were added.</summary>
    public int Enqueue(IEnumerable<DeliveryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var added = db.InTransaction(() => InsertAbsent(rows));
        Publish(added);
        return added.Count;
    }

    /// <summary>Insert-if-absent without opening a transaction: for callers that write other documents in the same one.</summary>
    /// <param name="assumeNew">The caller knows no row of this set can exist (a new occurrence written in the same
    /// transaction as its counter): the per-row lookup is skipped; a duplicate id would still fail the insert.</param>
    internal List<DeliveryRow> InsertAbsent(IEnumerable<DeliveryRow> rows, bool assumeNew = false)
    {
        var now = Now;
        var added = new List<DeliveryRow>();
        var collection = Rows;
        foreach (var row in rows)
        {
            if (string.IsNullOrEmpty(row.Id))
            {
                throw new ArgumentException("A delivery row needs an id.", nameof(rows));
            }

            if (!assumeNew && collection.FindById(row.Id) is not null)
            {
                continue;
            }

            row.CreatedAt = row.CreatedAt == default ? now : row.CreatedAt;
            row.UpdatedAt = now;
            if (row.DueAt == default)
            {
                row.DueAt = now;
            }

            added.Add(row);
        }

        if (added.Count > 0)
        {
            collection.Insert(added);
        }

        return added;
    }

    /// <summary>Hands committed pending rows to the dispatcher.</summary>
    internal void Publish(IEnumerable<DeliveryRow> rows)
    {
        var any = false;
        foreach (var row in rows.Where(r => r.State == DeliveryState.Pending))
        {
            Queue.Add(row.Id, row.Priority, row.DueAt);
            any = true;
        }

        if (any)
        {
            Queue.Signal();
        }
    }

    public DeliveryRow? Find(string id) => Rows.FindById(id);

    public IReadOnlyList<DeliveryRow> ForSubscriber(long subscriberId) => Rows.Find(r => r.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<DeliveryRow> ForCampaign(string campaignId, DeliveryState? state = null) =>
        state is { } s
            ? Rows.Find(Filter.Eq(nameof(DeliveryRow.CampaignId), campaignId, nameof(DeliveryRow.State), s.ToString())).ToList()
            : Rows.Find(r => r.CampaignId == campaignId).ToList();

    public IReadOnlyList<DeliveryRow> SentBetween(DeliveryKind kind, DateTime fromUtc, DateTime toUtc) =>
        Rows.Find(Filter.From(nameof(DeliveryRow.SentAt), fromUtc, toUtc))
            .Where(r => r.Kind == kind && r.State == DeliveryState.Sent).ToList();

    /// <summary>
    /// State and due time of every row of a campaign, read as a projection (progress of large campaigns), including the
    /// rows still held in chunks. Chunks are read first: one written out in between is then seen among the rows and
    /// not counted twice.
    /// </summary>
    public IReadOnlyList<(DeliveryState State, DateTime DueAt)> StatesOf(string campaignId)
    {
        var chunks = Chunks.Find(c => c.CampaignId == campaignId).ToList();
        var states = new List<(DeliveryState, DateTime)>();
        // Row ids are only needed to match chunks; a campaign without chunks (nearly all, most of the time) skips them.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var projection = chunks.Count > 0 ? "{_id: $._id, State: $.State, DueAt: $.DueAt}" : "{State: $.State, DueAt: $.DueAt}";
        foreach (var doc in db.Lite.GetCollection(CollectionName).Query()
                     .Where(Filter.Eq(nameof(DeliveryRow.CampaignId), campaignId)).Select(projection).ToEnumerable())
        {
            if (Enum.TryParse<DeliveryState>(doc["State"].AsString, out var state))
            {
                states.Add((state, doc["DueAt"].AsDateTime));
                if (chunks.Count > 0)
                {
                    ids.Add(doc["_id"].AsString);
                }
            }
        }

        foreach (var chunk in chunks.Where(c => c.Members.Count > 0 && !ids.Contains(c.RowId(c.Members[0]))))
        {
            states.AddRange(chunk.Members.Select(m => (chunk.SkipReason is null && m.Skip is null ? DeliveryState.Pending : DeliveryState.Skipped, chunk.Template.DueAt)));
        }

        return states;
    }

    /// <summary>
    /// Writes an expansion: the first <paramref name="chunkSize"/> rows as rows, the rest as chunks that
    /// <see cref="MaterialiseNextAsync"/> turns into rows in the background, so a 100,000-person occurrence is durable
    /// in a fraction of the time its rows take and the writer is never held for seconds. Call inside a transaction
    /// (with the campaign update); returns the rows written now, to <see cref="Publish"/> after the commit.
    /// </summary>
    internal List<DeliveryRow> InsertExpansion(List<DeliveryRow> rows, int chunkSize)
    {
        var now = Now;
        var first = InsertAbsent(rows.Take(chunkSize), assumeNew: true);
        var number = 0;
        foreach (var part in rows.Skip(chunkSize).Chunk(chunkSize))
        {
            number++;
            var template = part[0];
            Chunks.Insert(new DeliveryChunk
            {
                Id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{template.OccurrenceId}#{number:D6}"),
                CampaignId = template.CampaignId,
                CreatedAt = now,
                Template = DeliveryChunk.TemplateOf(template),
                Members = [.. part.Select(ChunkMember.Of)],
            });
        }

        return first;
    }

    /// <summary>Tells the materialiser that chunks were committed.</summary>
    internal void SignalChunks() => Interlocked.Exchange(ref chunksAdded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="SignalChunks"/>; taken before looking for chunks, so no signal is missed.</summary>
    internal Task ChunksSignal => Volatile.Read(ref chunksAdded).Task;

    /// <summary>Writes the oldest chunk as rows and deletes it, in one transaction; false when none is left.</summary>
    public async Task<bool> MaterialiseNextAsync()
    {
        var rows = await db.WriteAsync(() =>
        {
            // The primary key's order, first document only: an OrderBy query would read every (large) chunk to sort them.
            var chunk = Chunks.Find(Query.All(), 0, 1).FirstOrDefault();
            if (chunk is null)
            {
                return null;
            }

            // The chunk is deleted in the same transaction as its rows are written: they cannot exist already.
            var added = InsertAbsent(chunk.ToRows(), assumeNew: true);
            Chunks.Delete(chunk.Id);
            return added;
        });
        if (rows is null)
        {
            return false;
        }

        Publish(rows);
        return true;
    }

    /// <summary>Rows of the campaign still held in chunks (0 once every chunk was written out).</summary>
    public int ChunkedRows(string? campaignId = null) =>
        (campaignId is null ? Chunks.FindAll() : Chunks.Find(c => c.CampaignId == campaignId)).Sum(c => c.Members.Count);

    public IReadOnlyList<DeliveryRow> InState(DeliveryState state) => Rows.Find(Filter.Eq(nameof(DeliveryRow.State), state.ToString())).ToList();

    /// <summary>pending → skipped with a reason (a reminder no longer needed, a cancelled campaign…). False if it was not pending.</summary>
    public bool Skip(string id, string reason)
    {
        var row = Find(id);
        if (row is null || row.State != DeliveryState.Pending)
        {
            return false;
        }

        row.State = DeliveryState.Skipped;
        row.LastError = reason;
        Touch(row);
        return true;
    }

    /// <summary>Earliest DueAt among pending rows (UTC), or null when nothing is pending.</summary>
    public DateTime? NextDueAt()
    {
        var first = Rows.Query().Where(Query.EQ(nameof(DeliveryRow.State), nameof(DeliveryState.Pending)))
            .OrderBy(r => r.DueAt).Limit(1).FirstOrDefault();
        return first?.DueAt;
    }

    /// <summary>Back to pending at <paramref name="dueAt"/> (a resend, a track step after resume); false if it is pending or sending already.</summary>
    public bool Requeue(string id, DateTime dueAt, bool resetAttempts = true)
    {
        var row = Find(id);
        if (row is null || row.State is DeliveryState.Pending or DeliveryState.Sending)
        {
            return false;
        }

        row.State = DeliveryState.Pending;
        row.DueAt = dueAt;
        if (resetAttempts)
        {
            row.Attempts = 0;
            row.PartsSent = 0;
        }

        Touch(row);
        Publish([row]);
        return true;
    }

    /// <summary>Takes up to <paramref name="max"/> due rows and marks them sending (one transaction).</summary>
    internal Task<List<DeliveryRow>> ClaimDueAsync(DateTime now, int max)
    {
        var ids = Queue.TakeDue(now, max);
        if (ids.Count == 0)
        {
            return Task.FromResult(new List<DeliveryRow>());
        }

        return db.WriteAsync(() =>
        {
            var claimed = new List<DeliveryRow>(ids.Count);
            var collection = Rows;
            foreach (var id in ids)
            {
                var row = collection.FindById(id);
                // Stale queue entries (cancelled, requeued later, already claimed) are dropped here.
                if (row is null || row.State != DeliveryState.Pending)
                {
                    continue;
                }

                if (row.DueAt > now)
                {
                    Queue.Add(row.Id, row.Priority, row.DueAt);
                    continue;
                }

                row.State = DeliveryState.Sending;
                row.Attempts++;
                row.UpdatedAt = now;
                collection.Update(row);
                claimed.Add(row);
            }

            return claimed;
        });
    }

    // The dispatcher's writes go through the writer asynchronously: the outcomes of concurrent sends commit together.
    internal Task RecordPartAsync(DeliveryRow row, int partsSent) => db.WriteAsync(() =>
    {
        row.PartsSent = partsSent;
        Touch(row);
    });

    /// <summary>Records a final outcome.</summary>
    /// <param name="alongside">Writes what the outcome implies (see <see cref="IDeliveryOutcomeRecorder"/>) in the
    /// same transaction, so that a crash keeps both or neither.</param>
    internal Task CompleteAsync(DeliveryRow row, DeliveryState state, string? error, int? messageId = null, Action<ITransaction, DeliveryRow>? alongside = null) => db.WriteAsync(tx =>
    {
        row.State = state;
        row.LastError = error;
        if (state == DeliveryState.Sent)
        {
            row.MessageId = messageId;
            row.SentAt = Now;
        }

        Touch(row);
        alongside?.Invoke(tx, row);
    });

    /// <summary>sending → pending at <paramref name="dueAt"/> (429, transient error, shutdown).</summary>
    internal async Task RetryAsync(DeliveryRow row, DateTime dueAt, string? error, bool countAttempt = true)
    {
        await db.WriteAsync(() =>
        {
            row.State = DeliveryState.Pending;
            row.DueAt = dueAt;
            row.LastError = error;
            if (!countAttempt)
            {
                row.Attempts = Math.Max(0, row.Attempts - 1);
            }

            Touch(row);
        });
        Publish([row]);
    }

    /// <summary>
    /// Start-up reconciliation. Crash policy: a row left in <c>sending</c> may or may not have reached Telegram; it is
    /// sent again (nobody is lost), so a hard kill duplicates at most the sends that were in flight (≤ MaxConcurrency).
    /// Then every pending row is loaded into the due queue.
    /// </summary>
    internal int RecoverAtStart()
    {
        var now = Now;
        var interrupted = 0;
        db.InTransaction(() =>
        {
            foreach (var row in Rows.Find(Query.EQ(nameof(DeliveryRow.State), nameof(DeliveryState.Sending))).ToList())
            {
                row.State = DeliveryState.Pending;
                row.LastError = "interrupted while sending; sent again (may be a duplicate)";
                row.UpdatedAt = now;
                Rows.Update(row);
                interrupted++;
            }
        });
        Queue.Clear();
        Publish(InState(DeliveryState.Pending));
        return interrupted;
    }

    /// <summary>Cancels a campaign's pending rows in one transaction, with its chunks (written out as skipped).</summary>
    internal int SkipPending(string campaignId, string reason)
    {
        var now = Now;
        return db.InTransaction(() =>
        {
            var count = 0;
            foreach (var chunk in Chunks.Find(c => c.CampaignId == campaignId).ToList())
            {
                if (chunk.SkipReason is null)
                {
                    chunk.SkipReason = reason;
                    Chunks.Update(chunk);
                    count += chunk.Members.Count(m => m.Skip is null);
                }
            }

            foreach (var row in ForCampaign(campaignId, DeliveryState.Pending))
            {
                row.State = DeliveryState.Skipped;
                row.LastError = reason;
                row.UpdatedAt = now;
                Rows.Update(row);
                count++;
            }

            return count;
        });
    }

    /// <summary>failed → pending (attempts reset) for a campaign; returns how many.</summary>
    internal int RequeueFailed(string campaignId, DateTime dueAt)
    {
        var now = Now;
        var rows = db.InTransaction(() =>
        {
            var list = ForCampaign(campaignId, DeliveryState.Failed).ToList();
            foreach (var row in list)
            {
                row.State = DeliveryState.Pending;
                row.Attempts = 0;
                row.PartsSent = 0;
                row.DueAt = dueAt;
                row.UpdatedAt = now;
                Rows.Update(row);
            }

            return list;
        });
        Publish(rows);
        return rows.Count;
    }

    /// <summary>Replaces the subscriber id with a pseudonym and drops the chat (personal-data erasure).</summary>
    internal void Pseudonymise(long subscriberId, long pseudonym) => db.InTransaction(() =>
    {
        // A chunk holds only rows not sent yet: like pending rows, they are dropped.
        foreach (var chunk in Chunks.FindAll().Where(c => c.Members.Any(m => m.S == subscriberId)).ToList())
        {
            chunk.Members.RemoveAll(m => m.S == subscriberId);
            Chunks.Update(chunk);
        }

        foreach (var row in ForSubscriber(subscriberId))
        {
            Rows.Delete(row.Id);
            if (row.State == DeliveryState.Pending)
            {
                continue;
            }

            var suffix = $":{subscriberId}";
            row.Id = row.Id.EndsWith(suffix, StringComparison.Ordinal) ? row.Id[..^suffix.Length] + $":{pseudonym}" : $"{row.Id}:erased";
            row.SubscriberId = pseudonym;
            row.ChatId = 0;
            row.Html = null;
            Rows.Upsert(row);
        }
    });

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private void Touch(DeliveryRow row)
    {
        row.UpdatedAt = Now;
        Rows.Update(row);
    }
}
