using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>
/// The durable outbox: the only code that writes ledger rows (through <see cref="IDeliveryLedgerStore"/>). Rows are
/// inserted if absent (their id is unique per occurrence and subscriber), so expanding or enqueuing twice stores each
/// message once. On the embedded store an in-memory due queue mirrors the pending rows for the dispatcher, and the rows
/// large expansions keep in chunks are held (<see cref="HeldRows"/>) and written when claimed; the store stays the truth
/// (both rebuilt at start). On a store shared by several instances the provider's <see cref="IDueRowClaims"/> claims
/// due rows from the table instead, and publishing only wakes this instance's dispatcher. Each write has a form that
/// takes the caller's transaction, for a caller that writes other things with it, and one that opens its own.
/// </summary>
public sealed partial class DeliveryLedger(IStorage storage, IDeliveryLedgerStore store, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time, IDueRowClaims? claims = null)
{
    /// <summary>
    /// The name the embedded store keeps the rows under. Reports still read that collection by name; the name goes to
    /// the provider once they read through their own read model.
    /// </summary>
    public const string CollectionName = "deliveries";

    private TaskCompletionSource chunksAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal DueQueue Queue { get; } = new();

    /// <summary>The rows chunks still hold, claimable by the in-memory queue (empty on a store that claims from the table).</summary>
    internal HeldRows Held { get; } = new();

    /// <summary>
    /// True on the embedded store (the in-memory due queue): the rows of a chunk are written when the dispatcher claims
    /// them, one insert at the send rate, not all at once in the background (LiteDB 5 allocates ≥ 17 KB per inserted
    /// document, ~61 KB with the ledger's indexes, so writing out 99,000 rows in one burst allocated ~6 GB). On a store
    /// shared by several instances the chunks are written out at once, as before: claims come from the table there.
    /// </summary>
    internal bool HoldsChunkRows => claims is null;

    /// <summary>True when due rows are claimed from the database (<see cref="IDueRowClaims"/>), not the in-memory queue.</summary>
    internal bool ClaimsFromStore => claims is not null;

    /// <summary>Inserts the rows whose id is not stored yet, in one transaction; wakes the dispatcher. Returns how many were added.</summary>
    public int Enqueue(IEnumerable<DeliveryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return storage.Write(tx => Enqueue(tx, rows));
    }

    /// <summary>
    /// Inserts the rows whose id is not stored yet in <paramref name="tx"/>; the dispatcher gets them once it commits.
    /// Returns how many were added.
    /// </summary>
    public int Enqueue(ITransaction tx, IEnumerable<DeliveryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(rows);
        var added = InsertAbsent(tx, rows);
        PublishWhenCommitted(tx, added);
        return added.Count;
    }

    /// <summary>Insert-if-absent in the caller's transaction, not published: for callers that write other documents in the same one.</summary>
    /// <param name="assumeNew">The caller knows no row of this set can exist (a new occurrence written in the same
    /// transaction as its counter): the per-row lookup is skipped; a duplicate id would still fail the insert.</param>
    internal List<DeliveryRow> InsertAbsent(ITransaction tx, IEnumerable<DeliveryRow> rows, bool assumeNew = false)
    {
        var now = Now;
        var added = new List<DeliveryRow>();
        foreach (var row in rows)
        {
            if (string.IsNullOrEmpty(row.Id))
            {
                throw new ArgumentException("A delivery row needs an id.", nameof(rows));
            }

            if (!assumeNew && store.Find(row.Id) is not null)
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
            store.Insert(tx, added);
        }

        return added;
    }

    /// <summary>Hands committed pending rows to the dispatcher.</summary>
    internal void Publish(IEnumerable<DeliveryRow> rows)
    {
        var any = false;
        foreach (var row in rows.Where(r => r.State == DeliveryState.Pending))
        {
            // Claimed from the table: the row is there already; only the dispatcher needs waking.
            if (claims is null)
            {
                Queue.Add(row.Id, row.Priority, row.DueAt);
            }

            any = true;
        }

        if (any)
        {
            Queue.Signal();
        }
    }

    public DeliveryRow? Find(string id) => store.Find(id);

    /// <summary>The person's rows, with those still held in chunks (pending).</summary>
    public IReadOnlyList<DeliveryRow> ForSubscriber(long subscriberId) => WithHeld(store.ForSubscriber(subscriberId), Held.ForSubscriber(subscriberId));

    /// <summary>Rows in a final state last changed before <paramref name="cutoff"/> (retention); pending rows are never purged.</summary>
    public int CountFinishedBefore(DateTime cutoff) => store.CountFinishedBefore(cutoff);

    /// <summary>Deletes the rows <see cref="CountFinishedBefore"/> counts; their report counts were written when they were sent.</summary>
    public int DeleteFinishedBefore(ITransaction tx, DateTime cutoff) => store.DeleteFinishedBefore(tx, cutoff);

    /// <summary>The campaign's rows (or those in <paramref name="state"/>), with those still held in chunks (pending).</summary>
    public IReadOnlyList<DeliveryRow> ForCampaign(string campaignId, DeliveryState? state = null) =>
        state is null or DeliveryState.Pending ? WithHeld(store.ForCampaign(campaignId, state), Held.ForCampaign(campaignId)) : store.ForCampaign(campaignId, state);

    // A row claimed a moment ago may be stored and still held until its commit's callback runs: the stored one counts.
    private static IReadOnlyList<DeliveryRow> WithHeld(IReadOnlyList<DeliveryRow> rows, List<HeldRows.Held> held)
    {
        if (held.Count == 0)
        {
            return rows;
        }

        var stored = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. rows, .. held.Where(h => !stored.Contains(h.RowId)).Select(h => h.ToRow())];
    }

    public IReadOnlyList<DeliveryRow> SentBetween(DeliveryKind kind, DateTime fromUtc, DateTime toUtc) =>
        store.SentBetween(fromUtc, toUtc).Where(r => r.Kind == kind && r.State == DeliveryState.Sent).ToList();

    public IReadOnlyList<DeliveryRow> InState(DeliveryState state) => store.InState(state);

    /// <summary>pending → skipped with a reason (a reminder no longer needed, a cancelled campaign…). False if it was not pending.</summary>
    public bool Skip(string id, string reason) => storage.Write(tx => Skip(tx, id, reason));

    /// <inheritdoc cref="Skip(string, string)"/>
    public bool Skip(ITransaction tx, string id, string reason)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var row = Find(id);
        if (row is null || row.State != DeliveryState.Pending)
        {
            return false;
        }

        row.State = DeliveryState.Skipped;
        row.LastError = reason;
        Touch(tx, row);
        return true;
    }

    /// <summary>Earliest DueAt among pending rows (UTC), or null when nothing is pending.</summary>
    public DateTime? NextDueAt() =>
        (store.EarliestDue(DeliveryState.Pending), Held.EarliestDue()) switch
        {
            ({ } row, { } held) => row < held ? row : held,
            (var row, var held) => row ?? held,
        };

    /// <summary>Back to pending at <paramref name="dueAt"/> (a resend, a track step after resume); false if it is pending or sending already.</summary>
    public bool Requeue(string id, DateTime dueAt, bool resetAttempts = true) => storage.Write(tx => Requeue(tx, id, dueAt, resetAttempts));

    /// <summary>
    /// Back to pending at <paramref name="dueAt"/> in <paramref name="tx"/>, handed to the dispatcher once it commits;
    /// false if it is pending or sending already.
    /// </summary>
    public bool Requeue(ITransaction tx, string id, DateTime dueAt, bool resetAttempts = true)
    {
        ArgumentNullException.ThrowIfNull(tx);
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

        Touch(tx, row);
        PublishWhenCommitted(tx, [row]);
        return true;
    }

    /// <summary>Takes up to <paramref name="max"/> due rows and marks them sending (one transaction).</summary>
    internal Task<List<DeliveryRow>> ClaimDueAsync(DateTime now, int max)
    {
        if (claims is not null)
        {
            return claims.ClaimAsync(now, max);
        }

        var ids = Queue.TakeDue(now, max);
        if (ids.Count == 0)
        {
            return Task.FromResult(new List<DeliveryRow>());
        }

        return storage.WriteAsync(tx =>
        {
            var claimed = new List<DeliveryRow>(ids.Count);
            var fromChunks = new List<HeldRows.Held>();
            var inserts = new List<DeliveryRow>();
            foreach (var id in ids)
            {
                // A held row is not stored: its claim's after-commit step stops holding it before the writer runs anything
                // else, so no store lookup is needed for it (a duplicate queue entry is taken once).
                if (Held.Find(id) is { } held)
                {
                    if (!fromChunks.Contains(held))
                    {
                        ClaimHeld(held, now, claimed, fromChunks, inserts);
                    }

                    continue;
                }

                var row = store.Find(id);

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
                store.Update(tx, row);
                claimed.Add(row);
            }

            if (fromChunks.Count > 0)
            {
                // The held rows' only insert, as sending; they stop being held once it is committed.
                store.Insert(tx, inserts);
                tx.AfterCommit(() =>
                {
                    if (Held.Claimed(fromChunks).Count > 0)
                    {
                        SignalChunks();
                    }
                });
            }

            return claimed;
        });
    }

    // The dispatcher's writes go through the writer asynchronously: the outcomes of concurrent sends commit together.
    internal Task RecordPartAsync(DeliveryRow row, int partsSent) => storage.WriteAsync(tx =>
    {
        row.PartsSent = partsSent;
        Touch(tx, row);
    });

    /// <summary>Records a final outcome.</summary>
    /// <param name="alongside">Writes what the outcome implies (see <see cref="IDeliveryOutcomeRecorder"/>) in the
    /// same transaction, so that a crash keeps both or neither.</param>
    internal Task CompleteAsync(DeliveryRow row, DeliveryState state, string? error, int? messageId = null, Action<ITransaction, DeliveryRow>? alongside = null) => storage.WriteAsync(tx =>
    {
        row.State = state;
        row.LastError = error;
        if (state == DeliveryState.Sent)
        {
            row.MessageId = messageId;
            row.SentAt = Now;
        }

        Touch(tx, row);
        alongside?.Invoke(tx, row);
    });

    /// <summary>sending → pending at <paramref name="dueAt"/> (429, transient error, shutdown).</summary>
    internal async Task RetryAsync(DeliveryRow row, DateTime dueAt, string? error, bool countAttempt = true)
    {
        await storage.WriteAsync(tx =>
        {
            row.State = DeliveryState.Pending;
            row.DueAt = dueAt;
            row.LastError = error;
            if (!countAttempt)
            {
                row.Attempts = Math.Max(0, row.Attempts - 1);
            }

            Touch(tx, row);
        });
        Publish([row]);
    }

    /// <summary>
    /// Start-up reconciliation. Crash policy: a row left in <c>sending</c> may or may not have reached Telegram; it is
    /// sent again (nobody is lost), so a hard kill duplicates at most the sends that were in flight (≤ MaxConcurrency).
    /// Then every pending row is loaded into the due queue (not on a store that claims from the table). It runs whenever
    /// the dispatcher takes the lease: on a shared store the rows left sending were in flight at the previous holder,
    /// which died, hung or lost the database.
    /// </summary>
    internal int RecoverAtStart()
    {
        var now = Now;
        var interrupted = storage.Write(tx =>
        {
            var count = 0;
            foreach (var row in store.InState(DeliveryState.Sending))
            {
                row.State = DeliveryState.Pending;
                row.LastError = "interrupted while sending; sent again (may be a duplicate)";
                row.UpdatedAt = now;
                store.Update(tx, row);
                count++;
            }

            return count;
        });
        Queue.Clear();
        Held.Clear();
        if (claims is null)
        {
            Publish(InState(DeliveryState.Pending));
            // The chunks are the truth for the rows they hold: those not stored yet are held again.
            var chunks = store.Chunks();
            if (chunks.Count > 0)
            {
                Admit(chunks, WrittenRows(chunks));
            }
        }
        else
        {
            Queue.Signal();
        }

        return interrupted;
    }

    /// <summary>
    /// When the dispatcher should look again: <see cref="DateTime.MinValue"/> when rows are due already, the earliest
    /// future due time, or null when nothing is pending.
    /// </summary>
    internal DateTime? NextFuture(DateTime now) =>
        claims is null ? Queue.NextFuture() : NextDueAt() is { } due ? (due <= now ? DateTime.MinValue : due) : null;

    /// <summary>Pending rows due at or before <paramref name="by"/> (metrics; O(n) on the in-memory queue).</summary>
    internal int CountDueBy(DateTime by) => claims?.CountDueBy(by) ?? Queue.CountDueBy(by);

    /// <summary>failed → pending (attempts reset) for a campaign; returns how many.</summary>
    internal int RequeueFailed(string campaignId, DateTime dueAt, DateTime? failedBefore = null)
    {
        var now = Now;
        var rows = storage.Write(tx =>
        {
            var list = store.ForCampaign(campaignId, DeliveryState.Failed).Where(r => failedBefore is null || r.UpdatedAt <= failedBefore).ToList();
            foreach (var row in list)
            {
                row.State = DeliveryState.Pending;
                row.Attempts = 0;
                row.PartsSent = 0;
                row.DueAt = dueAt;
                row.UpdatedAt = now;
                store.Update(tx, row);
            }

            return list;
        });
        Publish(rows);
        return rows.Count;
    }

    /// <inheritdoc cref="Pseudonymise(ITransaction, ErasurePseudonyms)"/>
    internal void Pseudonymise(ErasurePseudonyms pseudonyms) => storage.Write(tx => Pseudonymise(tx, pseudonyms));

    /// <summary>
    /// Replaces the subscriber id with each row's own pseudonym and drops the chat and the text (personal-data
    /// erasure): the rows still count, but no two of them can be joined back into one person.
    /// </summary>
    internal void Pseudonymise(ITransaction tx, ErasurePseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        var subscriberId = pseudonyms.SubscriberId;
        // A chunk holds only rows not sent yet: like pending rows, they are dropped.
        foreach (var chunk in store.Chunks().Where(c => c.Members.Any(m => m.S == subscriberId)))
        {
            chunk.Members.RemoveAll(m => m.S == subscriberId);
            store.UpdateChunk(tx, chunk);
        }

        // Not claimable from now on (a claim later in the same group commit must not send them); a chunk left with
        // nothing held is deleted by the materialiser. An erasure that fails gives them back: otherwise the settling
        // would delete a chunk whose rows of this person were never written, and they would not be sent.
        if (HoldsChunkRows)
        {
            var removed = Held.RemoveSubscriber(subscriberId);
            tx.AfterCommit(SignalChunks);
            if (removed.Count > 0)
            {
                tx.AfterRollback(() =>
                {
                    foreach (var held in Held.Restore(removed))
                    {
                        Queue.Add(held.RowId, held.Chunk.Template.Priority, held.Chunk.Template.DueAt);
                    }

                    Queue.Signal();
                });
            }
        }

        // A row whose id names the subscriber (the convention, and the reminders and digests that extend or copy it)
        // keeps its id with the row's pseudonym in that place, as acknowledgements and answers relink their delivery
        // id; any other gets a suffix that names nobody.
        foreach (var row in store.ForSubscriber(subscriberId))
        {
            store.Delete(tx, row.Id);
            if (row.State == DeliveryState.Pending)
            {
                continue;
            }

            var original = row.Id;
            row.Id = pseudonyms.Names(original) ? pseudonyms.Relink(original) : $"{original}:erased";
            row.SubscriberId = pseudonyms.ForDelivery(original);
            row.Html = null;
            store.Upsert(tx, row);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private void PublishWhenCommitted(ITransaction tx, List<DeliveryRow> rows)
    {
        if (rows.Count > 0)
        {
            tx.AfterCommit(() => Publish(rows));
        }
    }

    private void Touch(ITransaction tx, DeliveryRow row)
    {
        row.UpdatedAt = Now;
        store.Update(tx, row);
    }
}
