using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// One attempt of a transaction: one Npgsql connection and one <see cref="NpgsqlTransaction"/>. A retried transaction
/// gets a new one, so what a failed attempt registered (before/after-commit steps, locals) is dropped with it.
/// </summary>
internal sealed class PgTransaction(PostgresStorage owner, NpgsqlConnection connection, NpgsqlTransaction transaction) : ITransaction
{
    private readonly List<(object Key, Action<ITransaction> Write)> beforeCommit = [];
    private readonly HashSet<object> registered = [];
    private readonly List<Action> committed = [];
    private readonly List<Action> rolledBack = [];
    private Dictionary<object, object>? locals;

    public PostgresStorage Owner { get; } = owner;

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

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

    /// <summary>Runs the before-commit steps in registration order (a step may register another, which runs too).</summary>
    public void RunBeforeCommit()
    {
        for (var i = 0; i < beforeCommit.Count; i++)
        {
            beforeCommit[i].Write(this);
        }
    }

    /// <summary>The transaction of this provider that <paramref name="tx"/> is; anything else is a programming error.</summary>
    public static PgTransaction Of(ITransaction tx, PostgresStorage storage)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx is PgTransaction pg && ReferenceEquals(pg.Owner, storage)
            ? pg
            : throw new InvalidOperationException("A store was given a transaction of another store; pass the transaction of the IStorage.WriteAsync that runs the work.");
    }
}
