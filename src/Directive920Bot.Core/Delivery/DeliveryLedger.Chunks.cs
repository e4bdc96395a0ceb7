using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>
/// The ledger's chunks of large expansions: how they are written, held for the dispatcher (embedded store) or written
/// out (shared store), counted, cancelled and settled.
/// </summary>
public sealed partial class DeliveryLedger
{
    /// <summary>
    /// State and due time of every row of a campaign, read as a projection (progress of large campaigns), including the
    /// rows still held in chunks. Held rows are read first: one claimed in between is then seen among the rows and not
    /// counted twice.
    /// </summary>
    public IReadOnlyList<(DeliveryState State, DateTime DueAt)> StatesOf(string campaignId)
    {
        // On the embedded store the held rows are known without reading the chunks; elsewhere chunks live for the few
        // seconds the materialiser takes, and are read.
        List<(string Id, DeliveryState State, DateTime DueAt)> held = HoldsChunkRows
            ? Held.StatesOf(campaignId)
            : [.. store.Chunks(campaignId).SelectMany(c => c.Members.Select(m =>
                (c.RowId(m), c.SkipReason is null && m.Skip is null ? DeliveryState.Pending : DeliveryState.Skipped, c.Template.DueAt)))];
        var states = new List<(DeliveryState, DateTime)>();
        // Row ids are only needed to match held rows; a campaign without any (nearly all, most of the time) skips them.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, state, dueAt) in store.StatesOf(campaignId, withIds: held.Count > 0))
        {
            states.Add((state, dueAt));
            if (id is not null)
            {
                ids.Add(id);
            }
        }

        states.AddRange(held.Where(h => !ids.Contains(h.Id)).Select(h => (h.State, h.DueAt)));
        return states;
    }

    /// <summary>
    /// Writes an expansion in <paramref name="tx"/> (with the campaign update): the first <paramref name="chunkSize"/>
    /// rows as rows, the rest as chunks, so a 100,000-person occurrence is durable in a fraction of the time its rows
    /// take and the writer is never held for seconds. Returns the rows written now, to <see cref="Publish"/> after the
    /// commit.
    /// </summary>
    internal List<DeliveryRow> InsertExpansion(ITransaction tx, List<DeliveryRow> rows, int chunkSize) =>
        InsertExpansion(tx, ExpansionRows.Of(rows, chunkSize, Now));

    /// <inheritdoc cref="InsertExpansion(ITransaction, List{DeliveryRow}, int)"/>
    /// <remarks>
    /// On the embedded store the chunks' rows are held for the dispatcher from the commit on (see
    /// <see cref="HoldsChunkRows"/>); elsewhere <see cref="MaterialiseNextAsync"/> writes them out in the background.
    /// </remarks>
    internal List<DeliveryRow> InsertExpansion(ITransaction tx, ExpansionRows plan)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(plan);
        var first = InsertAbsent(tx, plan.First, assumeNew: true);
        if (plan.Chunks.Count > 0)
        {
            store.InsertChunks(tx, plan.Chunks);
            if (HoldsChunkRows)
            {
                tx.AfterCommit(() => Admit(plan.Chunks, written: null));
            }
        }

        return first;
    }

    /// <summary>Tells the materialiser that chunks were committed.</summary>
    internal void SignalChunks() => Interlocked.Exchange(ref chunksAdded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="SignalChunks"/>; taken before looking for chunks, so no signal is missed.</summary>
    internal Task ChunksSignal => Volatile.Read(ref chunksAdded).Task;

    /// <summary>
    /// Writes the oldest chunk as rows and deletes it, in one transaction; false when none is left. Only where chunks are
    /// written out at once (not <see cref="HoldsChunkRows"/>).
    /// </summary>
    public async Task<bool> MaterialiseNextAsync()
    {
        if (HoldsChunkRows)
        {
            throw new InvalidOperationException("On the embedded store the rows of a chunk are written when they are claimed, not written out.");
        }

        List<DeliveryRow>? rows;
        try
        {
            rows = await MaterialiseNextAsync(assumeNew: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A chunk some of whose rows were claimed already (a store copied from the embedded one, which writes a
            // chunk's rows one claim at a time): those rows are stored, so this chunk is written row by row, skipping
            // them. Whatever else failed fails again here and is reported.
            rows = await MaterialiseNextAsync(assumeNew: false);
        }

        if (rows is null)
        {
            return false;
        }

        Publish(rows);
        return true;
    }

    private Task<List<DeliveryRow>?> MaterialiseNextAsync(bool assumeNew) => storage.WriteAsync(tx =>
    {
        var chunk = store.FirstChunk();
        if (chunk is null)
        {
            return null;
        }

        // The chunk is deleted in the same transaction as its rows are written.
        var added = InsertAbsent(tx, chunk.ToRows(), assumeNew);
        store.DeleteChunk(tx, chunk.Id);
        return added;
    });

    /// <summary>Rows of the campaign (or of all) that chunks hold and the ledger does not store yet (0 once every one is written).</summary>
    public int ChunkedRows(string? campaignId = null)
    {
        var chunks = store.Chunks(campaignId);
        var written = WrittenRows(chunks);
        return chunks.Sum(c => c.Members.Count(m => !written(c, c.RowId(m))));
    }

    /// <summary>Whether a chunk's row is stored: one read of the stored ids per campaign, not a lookup per member.</summary>
    private Func<DeliveryChunk, string, bool> WrittenRows(IReadOnlyList<DeliveryChunk> chunks)
    {
        var ids = chunks.Select(c => c.CampaignId).OfType<string>().Distinct(StringComparer.Ordinal)
            .SelectMany(c => store.StatesOf(c, withIds: true)).Select(s => s.Id!).ToHashSet(StringComparer.Ordinal);
        return (chunk, id) => ids.Contains(id) || (chunk.CampaignId is null && store.Find(id) is not null);
    }

    /// <summary>Holds the rows of <paramref name="chunks"/> that are neither written nor skipped, for the dispatcher.</summary>
    private void Admit(IEnumerable<DeliveryChunk> chunks, Func<DeliveryChunk, string, bool>? written)
    {
        var any = false;
        foreach (var chunk in chunks)
        {
            foreach (var id in Held.Admit(chunk, written is null ? null : id => written(chunk, id)))
            {
                Queue.Add(id, chunk.Template.Priority, chunk.Template.DueAt);
                any = true;
            }
        }

        if (any)
        {
            Queue.Signal();
        }

        if (Held.Settled().Count > 0)
        {
            SignalChunks();
        }
    }

    /// <summary>
    /// The materialiser's work on the embedded store, for each chunk that needs it: writes its skipped rows (people not
    /// reachable when it was expanded, or all of a cancelled one) and deletes it once no row of it is held any more.
    /// Returns how many chunks were deleted.
    /// </summary>
    public async Task<int> SettleChunksAsync()
    {
        // Safe beside a start-up recovery that rebuilds the held rows meanwhile: each step reads the chunk again in its own
        // transaction, and one deleted under the recovery is dropped at the next settling.
        var deleted = 0;
        foreach (var chunkId in Held.Settled())
        {
            deleted += await storage.WriteAsync(tx => Settle(tx, chunkId)) ? 1 : 0;
        }

        return deleted;
    }

    private bool Settle(ITransaction tx, string chunkId)
    {
        var chunk = store.FindChunk(chunkId);
        if (chunk is null)
        {
            tx.AfterCommit(() => Held.Drop(chunkId));
            return false;
        }

        // Written as skipped unless stored already (claimed before a cancel, or written by an earlier settling).
        InsertAbsent(tx, chunk.Members.Where(m => (chunk.SkipReason ?? m.Skip) is not null).Select(chunk.ToRow));
        if (chunk.SkipReason is null && Held.Remaining(chunkId) > 0)
        {
            tx.AfterCommit(() => Held.SkipsWritten(chunkId));
            return false;
        }

        store.DeleteChunk(tx, chunkId);
        tx.AfterCommit(() => Held.Drop(chunkId));
        return true;
    }

    private void Uncancel(DeliveryChunk chunk)
    {
        foreach (var id in Held.Uncancel(chunk.Id))
        {
            Queue.Add(id, chunk.Template.Priority, chunk.Template.DueAt);
        }

        Queue.Signal();
    }

    private void ClaimHeld(HeldRows.Held held, DateTime now, List<DeliveryRow> claimed, List<HeldRows.Held> fromChunks, List<DeliveryRow> inserts)
    {
        var row = held.ToRow();
        if (row.DueAt > now)
        {
            Queue.Add(row.Id, row.Priority, row.DueAt);
            return;
        }

        row.State = DeliveryState.Sending;
        row.Attempts = 1;
        row.UpdatedAt = now;
        claimed.Add(row);
        fromChunks.Add(held);
        inserts.Add(row);
    }

    /// <summary>Cancels a campaign's pending rows in one transaction, with its chunks (written out as skipped).</summary>
    internal int SkipPending(string campaignId, string reason) => storage.Write(tx => SkipPending(tx, campaignId, reason));

    /// <inheritdoc cref="SkipPending(string, string)"/>
    internal int SkipPending(ITransaction tx, string campaignId, string reason)
    {
        var now = Now;
        var count = 0;
        var chunks = store.Chunks(campaignId);
        var written = WrittenRows(chunks);
        foreach (var chunk in chunks.Where(c => c.SkipReason is null))
        {
            chunk.SkipReason = reason;
            store.UpdateChunk(tx, chunk);
            // Rows claimed from it already are stored: the pending ones among them are skipped below.
            count += chunk.Members.Count(m => m.Skip is null && !written(chunk, chunk.RowId(m)));
            // From now on, not after the commit: a claim later in the same group commit must not send them. A cancel
            // that fails gives them back before anything else runs.
            Held.Cancel(chunk.Id);
            if (HoldsChunkRows)
            {
                var cancelled = chunk;
                tx.AfterRollback(() => Uncancel(cancelled));
            }
        }

        if (chunks.Count > 0 && HoldsChunkRows)
        {
            tx.AfterCommit(SignalChunks);
        }

        foreach (var row in store.ForCampaign(campaignId, DeliveryState.Pending))
        {
            row.State = DeliveryState.Skipped;
            row.LastError = reason;
            row.UpdatedAt = now;
            store.Update(tx, row);
            count++;
        }

        return count;
    }
}
