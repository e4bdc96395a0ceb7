namespace Directive920Bot.Delivery;

/// <summary>Pending row ids by due time (future) and, once due, by priority then due time (ready).</summary>
internal sealed class DueQueue
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<Entry, (DateTime Due, long Seq)> future = new();
    private readonly PriorityQueue<Entry, (int NegPriority, DateTime Due, long Seq)> ready = new();
    private long seq;
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return future.Count + ready.Count;
            }
        }
    }

    /// <summary>Entries due at or before <paramref name="by"/> (those already taken as due included); for metrics, O(n).</summary>
    public int CountDueBy(DateTime by)
    {
        lock (gate)
        {
            return ready.UnorderedItems.Count(e => e.Element.Due <= by) + future.UnorderedItems.Count(e => e.Priority.Due <= by);
        }
    }

    public void Add(string id, int priority, DateTime due)
    {
        lock (gate)
        {
            future.Enqueue(new Entry(id, priority, due), (due, seq++));
        }
    }

    public List<string> TakeDue(DateTime now, int max)
    {
        lock (gate)
        {
            while (future.TryPeek(out var entry, out var p) && p.Due <= now)
            {
                future.Dequeue();
                ready.Enqueue(entry, (-entry.Priority, entry.Due, seq++));
            }

            var ids = new List<string>(Math.Min(max, ready.Count));
            while (ids.Count < max && ready.TryDequeue(out var e, out _))
            {
                ids.Add(e.Id);
            }

            return ids;
        }
    }

    /// <summary>Earliest due time among entries not yet due; null when none.</summary>
    public DateTime? NextFuture()
    {
        lock (gate)
        {
            return ready.Count > 0 ? DateTime.MinValue : future.TryPeek(out _, out var p) ? p.Due : null;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            future.Clear();
            ready.Clear();
        }
    }

    public void Signal()
    {
        TaskCompletionSource old;
        lock (gate)
        {
            old = signal;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    public Task WaitSignalAsync()
    {
        lock (gate)
        {
            return signal.Task;
        }
    }

    private readonly record struct Entry(string Id, int Priority, DateTime Due);
}
