namespace Directive920Bot.Emulator;

/// <summary>Pending updates, kept until a getUpdates offset confirms them, as Telegram does.</summary>
internal sealed class UpdateQueue
{
    private sealed class Entry(int id, string type, byte[] json, bool redelivered)
    {
        public int Id { get; } = id;
        public string Type { get; } = type;
        public byte[] Json { get; } = json;
        public bool Redelivered { get; } = redelivered;
        public bool Delivered { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly List<Entry> _pending = [];
    private readonly Dictionary<int, Entry> _history = [];
    private HashSet<string>? _allowed;
    private int _nextId = 1000;
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>The id of the update produced last (redeliveries excluded); 0 before the first.</summary>
    public int LastId
    {
        get
        {
            lock (_gate)
            {
                return _nextId == 1000 ? 0 : _nextId - 1;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues an update unless allowed_updates excludes its type; returns its id or null.</summary>
    public int? Enqueue<TState>(string type, TState state, Func<int, TState, byte[]> build)
    {
        TaskCompletionSource signal;
        int id;
        lock (_gate)
        {
            if (_allowed is not null && !_allowed.Contains(type))
            {
                return null;
            }

            id = _nextId++;
            var entry = new Entry(id, type, build(id, state), redelivered: false);
            _pending.Add(entry);
            _history[id] = entry;
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult();
        return id;
    }

    public void Redeliver(int updateId)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (!_history.TryGetValue(updateId, out var original))
            {
                throw new InvalidOperationException($"Update {updateId} was never produced.");
            }

            // Put first: Telegram would hand the unconfirmed update out before newer ones.
            _pending.Insert(0, new Entry(original.Id, original.Type, original.Json, redelivered: true));
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult();
    }

    public void SetAllowed(IReadOnlyCollection<string>? allowed)
    {
        lock (_gate)
        {
            // An empty list means "all default types", like Telegram.
            _allowed = allowed is null || allowed.Count == 0 ? null : [.. allowed];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// Webhook delivery: the first pending update (a redelivered copy first), without taking it; it stays pending until
    /// <see cref="Confirm"/>, as Telegram keeps an update until the webhook answered 200.
    /// </summary>
    public (int Id, byte[] Json)? PeekFirst(out Task changed)
    {
        lock (_gate)
        {
            changed = _signal.Task;
            if (_pending.Count == 0)
            {
                return null;
            }

            _pending[0].Delivered = true;
            return (_pending[0].Id, _pending[0].Json);
        }
    }

    /// <summary>Webhook delivery: the update was answered 200; it is removed.</summary>
    public void Confirm(int id)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(e => e.Id == id);
            if (index >= 0)
            {
                _pending.RemoveAt(index);
            }
        }
    }

    /// <summary>Confirms by offset and returns up to limit updates, or a task that completes when something is queued.</summary>
    public List<byte[]> Take(long offset, int limit, out Task changed)
    {
        lock (_gate)
        {
            changed = _signal.Task;
            if (offset != 0)
            {
                // A redelivered copy carries an id already below the offset; any later confirming poll retires it.
                _pending.RemoveAll(e => e.Redelivered && e.Delivered);
            }

            if (offset > 0)
            {
                _pending.RemoveAll(e => !e.Redelivered && e.Id < offset);
            }
            else if (offset < 0)
            {
                var keep = (int)Math.Min(-offset, _pending.Count);
                _pending.RemoveRange(0, _pending.Count - keep);
            }

            var count = Math.Min(limit, _pending.Count);
            var result = new List<byte[]>(count);
            for (var i = 0; i < count; i++)
            {
                _pending[i].Delivered = true;
                result.Add(_pending[i].Json);
            }

            return result;
        }
    }
}
