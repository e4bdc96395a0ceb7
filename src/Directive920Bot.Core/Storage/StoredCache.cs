using System.Collections.Concurrent;

namespace Directive920Bot.Storage;

/// <summary>
/// An in-memory copy of stored values, for a store that is the only writer of its collection, that never shows what
/// the file does not hold: a write drops the entry before it runs and again once it is committed
/// (<see cref="Database.OnCommitted"/>), and a read that overlapped a write is not kept (the generation moved).
/// Past <c>limit</c> entries it starts again empty.
/// </summary>
public sealed class StoredCache<TKey, TValue>(Database db, int limit, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);
    private readonly Lock gate = new();
    private long generation;

    /// <summary>The kept value, or <paramref name="read"/>'s (kept unless a write overlapped the read).</summary>
    public TValue? Get(TKey key, Func<TValue?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (entries.TryGetValue(key, out var value))
        {
            return value;
        }

        var seen = Interlocked.Read(ref generation);
        value = read();
        if (value is not null)
        {
            Keep(key, value, seen);
        }

        return value;
    }

    /// <summary>Keeps a value just written in the current transaction, once that commits.</summary>
    public void KeepWhenCommitted(TKey key, TValue value)
    {
        var seen = Interlocked.Read(ref generation);
        db.OnCommitted(() => Keep(key, value, seen));
    }

    /// <summary>Runs a write of the value under <paramref name="key"/>.</summary>
    public T Writing<T>(TKey key, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Forget(key);
        var result = write();
        db.OnCommitted(() => Forget(key));
        return result;
    }

    /// <summary>Runs a write that may touch any kept value (a delete by criteria): everything kept is dropped.</summary>
    public T WritingAny<T>(Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ForgetAll();
        var result = write();
        db.OnCommitted(ForgetAll);
        return result;
    }

    private void Keep(TKey key, TValue value, long seen)
    {
        lock (gate)
        {
            if (generation != seen)
            {
                return;
            }

            if (entries.Count >= limit)
            {
                entries.Clear();
            }

            entries[key] = value;
        }
    }

    private void Forget(TKey key)
    {
        lock (gate)
        {
            generation++;
            entries.TryRemove(key, out _);
        }
    }

    private void ForgetAll()
    {
        lock (gate)
        {
            generation++;
            entries.Clear();
        }
    }
}
