using System.Collections.Concurrent;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// An in-memory copy of stored values, for a store that is the only writer of its collection, that never shows what
/// the file does not hold: a write drops the entry before it runs and again once it is committed
/// (<see cref="ITransaction.AfterCommit"/>), and a read that overlapped a write is not kept (the generation moved).
/// Past <c>limit</c> entries it starts again empty.
/// </summary>
public sealed class StoredCache<TKey, TValue>(int limit, IEqualityComparer<TKey>? comparer = null)
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
    public void KeepWhenCommitted(ITransaction tx, TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var seen = Interlocked.Read(ref generation);
        tx.AfterCommit(() => Keep(key, value, seen));
    }

    /// <summary>Runs a write of the value under <paramref name="key"/>.</summary>
    public T Writing<T>(ITransaction tx, TKey key, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(write);
        Forget(key);
        var result = write();
        tx.AfterCommit(() => Forget(key));
        return result;
    }

    /// <summary>Runs a write that may touch any kept value (a delete by criteria): everything kept is dropped.</summary>
    public T WritingAny<T>(ITransaction tx, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(write);
        ForgetAll();
        var result = write();
        tx.AfterCommit(ForgetAll);
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
