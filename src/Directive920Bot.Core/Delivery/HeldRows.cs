namespace Directive920Bot.Delivery;

/// <summary>
/// The rows the chunks of large expansions still hold, as the embedded store's dispatcher sees them: a row of a chunk is
/// written to the ledger only when the dispatcher claims it (as sending), so a 100,000-person occurrence never costs
/// 99,000 row inserts in one burst. This is an index of what the stored chunks say, rebuilt from them at every start
/// (<see cref="DeliveryLedger.RecoverAtStart"/>); the chunks stay the truth, and a chunk is deleted only once every
/// member has a committed row.
/// </summary>
internal sealed class HeldRows
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Held> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<Held>> bySubscriber = [];
    private readonly Dictionary<string, ChunkState> chunks = new(StringComparer.Ordinal);

    /// <summary>Rows held, over every chunk admitted.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public bool IsAdmitted(string chunkId)
    {
        lock (gate)
        {
            return chunks.ContainsKey(chunkId);
        }
    }

    /// <summary>
    /// Holds the chunk's pending members whose row is not <paramref name="written"/> (null: none is); returns their row
    /// ids, or none when the chunk is held already. Skipped members and a cancelled chunk are marked for the settling
    /// that writes them as skipped rows.
    /// </summary>
    public List<string> Admit(DeliveryChunk chunk, Func<string, bool>? written)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var ids = new List<string>();
        lock (gate)
        {
            if (chunks.ContainsKey(chunk.Id))
            {
                return ids;
            }

            var state = new ChunkState(chunk)
            {
                Cancelled = chunk.SkipReason is not null,
                SkipsToWrite = chunk.SkipReason is not null || chunk.Members.Any(m => m.Skip is not null),
            };
            chunks[chunk.Id] = state;
            if (state.Cancelled)
            {
                return ids;
            }

            foreach (var member in chunk.Members.Where(m => m.Skip is null))
            {
                var held = new Held(chunk, member, chunk.RowId(member));
                if (written?.Invoke(held.RowId) == true)
                {
                    continue;
                }

                if (byId.TryAdd(held.RowId, held))
                {
                    ForSubscriberList(member.S).Add(held);
                    state.Remaining++;
                    ids.Add(held.RowId);
                }
            }
        }

        return ids;
    }

    public Held? Find(string rowId)
    {
        lock (gate)
        {
            return byId.TryGetValue(rowId, out var held) && !chunks[held.Chunk.Id].Cancelled ? held : null;
        }
    }

    /// <summary>
    /// The rows were claimed and their ledger rows committed: no longer held. Returns the chunks none of whose members
    /// is held any more (to delete).
    /// </summary>
    public List<string> Claimed(IEnumerable<Held> claimed)
    {
        var finished = new List<string>();
        lock (gate)
        {
            foreach (var held in claimed)
            {
                if (byId.Remove(held.RowId))
                {
                    Forget(held);
                    if (chunks.TryGetValue(held.Chunk.Id, out var state) && --state.Remaining == 0)
                    {
                        finished.Add(held.Chunk.Id);
                    }
                }
            }
        }

        return finished;
    }

    /// <summary>
    /// A cancel of the chunk's campaign is being written: its rows are no longer claimable from now on (a claim later
    /// in the same group commit must not send them). Returns how many rows it held.
    /// </summary>
    public int Cancel(string chunkId)
    {
        lock (gate)
        {
            if (!chunks.TryGetValue(chunkId, out var state))
            {
                return 0;
            }

            state.Cancelled = true;
            return state.Remaining;
        }
    }

    /// <summary>A cancel that did not commit (its after-rollback step): the chunk's held rows are claimable again; returns their ids.</summary>
    public List<string> Uncancel(string chunkId)
    {
        lock (gate)
        {
            if (!chunks.TryGetValue(chunkId, out var state))
            {
                return [];
            }

            state.Cancelled = false;
            return [.. byId.Values.Where(h => ReferenceEquals(h.Chunk, state.Chunk)).Select(h => h.RowId)];
        }
    }

    /// <summary>Rows of the chunk still held (0 when it is not held).</summary>
    public int Remaining(string chunkId)
    {
        lock (gate)
        {
            return chunks.TryGetValue(chunkId, out var state) ? state.Remaining : 0;
        }
    }

    /// <summary>The chunk's skipped rows are stored.</summary>
    public void SkipsWritten(string chunkId)
    {
        lock (gate)
        {
            if (chunks.TryGetValue(chunkId, out var state))
            {
                state.SkipsToWrite = false;
            }
        }
    }

    /// <summary>The chunk is gone from the store (written out or deleted): nothing of it is held.</summary>
    public void Drop(string chunkId)
    {
        lock (gate)
        {
            if (!chunks.Remove(chunkId, out var state))
            {
                return;
            }

            foreach (var held in byId.Values.Where(h => ReferenceEquals(h.Chunk, state.Chunk)).ToList())
            {
                byId.Remove(held.RowId);
                Forget(held);
            }
        }
    }

    /// <summary>The person is being erased: none of their held rows may be claimed any more. Returns them (for <see cref="Restore"/>).</summary>
    public List<Held> RemoveSubscriber(long subscriberId)
    {
        lock (gate)
        {
            if (!bySubscriber.Remove(subscriberId, out var list))
            {
                return [];
            }

            foreach (var held in list)
            {
                byId.Remove(held.RowId);
                if (chunks.TryGetValue(held.Chunk.Id, out var state))
                {
                    state.Remaining--;
                }
            }

            return list;
        }
    }

    /// <summary>
    /// An erasure that did not commit: the rows it took are held again (those of chunks still held), claimable as before.
    /// Returns them.
    /// </summary>
    public List<Held> Restore(List<Held> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var restored = new List<Held>(removed.Count);
        lock (gate)
        {
            foreach (var held in removed)
            {
                if (chunks.TryGetValue(held.Chunk.Id, out var state) && ReferenceEquals(state.Chunk, held.Chunk) && byId.TryAdd(held.RowId, held))
                {
                    ForSubscriberList(held.Member.S).Add(held);
                    state.Remaining++;
                    restored.Add(held);
                }
            }
        }

        return restored;
    }

    public List<Held> ForSubscriber(long subscriberId)
    {
        lock (gate)
        {
            return bySubscriber.TryGetValue(subscriberId, out var list) ? list.Where(h => !chunks[h.Chunk.Id].Cancelled).ToList() : [];
        }
    }

    public List<Held> ForCampaign(string campaignId)
    {
        lock (gate)
        {
            return byId.Values.Where(h => h.Chunk.CampaignId == campaignId && !chunks[h.Chunk.Id].Cancelled).ToList();
        }
    }

    /// <summary>
    /// The campaign's held rows with their state: pending, or skipped when a cancel took them and the settling has not
    /// written them as skipped rows yet (progress counts them as skipped from the cancel on).
    /// </summary>
    public List<(string RowId, DeliveryState State, DateTime DueAt)> StatesOf(string campaignId)
    {
        lock (gate)
        {
            return [.. byId.Values.Where(h => h.Chunk.CampaignId == campaignId)
                .Select(h => (h.RowId, chunks[h.Chunk.Id].Cancelled ? DeliveryState.Skipped : DeliveryState.Pending, h.Chunk.Template.DueAt))];
        }
    }

    /// <summary>Chunks with work for the settling: skipped rows to write, or nothing held any more (their deletion is due).</summary>
    public List<string> Settled()
    {
        lock (gate)
        {
            return chunks.Where(c => c.Value.Remaining <= 0 || c.Value.Cancelled || c.Value.SkipsToWrite).Select(c => c.Key).ToList();
        }
    }

    /// <summary>The earliest due time of a held row; null when none is held.</summary>
    public DateTime? EarliestDue()
    {
        lock (gate)
        {
            return chunks.Values.Where(c => c.Remaining > 0 && !c.Cancelled).Select(c => (DateTime?)c.Chunk.Template.DueAt).Min();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            byId.Clear();
            bySubscriber.Clear();
            chunks.Clear();
        }
    }

    private List<Held> ForSubscriberList(long subscriberId)
    {
        if (!bySubscriber.TryGetValue(subscriberId, out var list))
        {
            list = new List<Held>(1);
            bySubscriber[subscriberId] = list;
        }

        return list;
    }

    private void Forget(Held held)
    {
        if (bySubscriber.TryGetValue(held.Member.S, out var list))
        {
            list.Remove(held);
            if (list.Count == 0)
            {
                bySubscriber.Remove(held.Member.S);
            }
        }
    }

    /// <summary>A member of a stored chunk whose row is not written yet.</summary>
    internal sealed record Held(DeliveryChunk Chunk, ChunkMember Member, string RowId)
    {
        /// <summary>The row as expansion made it (pending, or skipped with the chunk's or the member's reason).</summary>
        public DeliveryRow ToRow() => Chunk.ToRow(Member);
    }

    private sealed class ChunkState(DeliveryChunk chunk)
    {
        public DeliveryChunk Chunk { get; } = chunk;

        public int Remaining { get; set; }

        public bool Cancelled { get; set; }

        public bool SkipsToWrite { get; set; }
    }
}
