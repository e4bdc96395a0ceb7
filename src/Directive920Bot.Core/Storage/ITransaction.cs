namespace Directive920Bot.Storage;

/// <summary>
/// One transaction of the store, passed explicitly to every store write (<see cref="IStorage.WriteAsync{T}"/>): what is
/// written through it commits together or not at all. A write method that takes no transaction cannot write, so a
/// read-modify-write outside a transaction does not compile.
/// </summary>
public interface ITransaction
{
    /// <summary>
    /// Runs <paramref name="write"/> once, just before this transaction commits, however many times it is registered
    /// under the same <paramref name="key"/> (counters bumped by many writes are written once). It runs inside the
    /// transaction: a failure rolls everything back. A before-commit step may register another.
    /// </summary>
    void BeforeCommit(object key, Action<ITransaction> write);

    /// <summary>Runs <paramref name="action"/> after this transaction committed, never if it rolled back (in-memory state that must not run ahead of the store).</summary>
    void AfterCommit(Action action);

    /// <summary>
    /// Runs <paramref name="action"/> if this attempt did not commit — the work or another's in the same group commit
    /// failed, or the provider runs the work again after a conflict (it registers again then) — and never after a commit:
    /// for in-memory state a write changes ahead of its commit, so that a failed write puts it back.
    /// </summary>
    void AfterRollback(Action action);

    /// <summary>
    /// State that belongs to this transaction alone under <paramref name="key"/>, created on first use and dropped with
    /// the transaction (what a before-commit step will write; nothing of it survives a rollback).
    /// </summary>
    T Local<T>(object key)
        where T : class, new();
}
