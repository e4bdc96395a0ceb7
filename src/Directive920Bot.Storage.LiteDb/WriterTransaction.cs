namespace Directive920Bot.Storage.LiteDb;

/// <summary>The transaction of one group commit on the database writer; only the writer thread touches it.</summary>
internal sealed class WriterTransaction : ITransaction
{
    private readonly List<(object Key, Action<ITransaction> Write)> beforeCommit = [];
    private readonly HashSet<object> registered = [];
    private readonly List<Action> committed = [];
    private readonly List<Action> rolledBack = [];
    private Dictionary<object, object>? locals;
    private int ran;

    public IReadOnlyList<Action> Committed => committed;

    public IReadOnlyList<Action> RolledBack => rolledBack;

    public void BeforeCommit(object key, Action<ITransaction> write)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(write);
        if (registered.Add(key))
        {
            beforeCommit.Add((key, write));
        }
    }

    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        committed.Add(action);
    }

    public void AfterRollback(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        rolledBack.Add(action);
    }

    public T Local<T>(object key)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(key);
        locals ??= [];
        if (!locals.TryGetValue(key, out var value))
        {
            locals[key] = value = new T();
        }

        return (T)value;
    }

    /// <summary>Runs the before-commit steps not yet run, in registration order (a step may register another).</summary>
    public void RunBeforeCommit()
    {
        for (; ran < beforeCommit.Count; ran++)
        {
            beforeCommit[ran].Write(this);
        }
    }
}
