namespace Directive920Bot.Storage;

/// <summary>
/// The store refused a statement of a transaction because of a concurrent one (PostgreSQL's serialization failure or
/// deadlock): the transaction is void and <see cref="IStorage"/> runs the whole work again on a fresh one. Work that
/// catches failures inside a transaction (an observer's bug must not undo what was recorded) must let this one through:
/// swallowed, the work would go on in a transaction that can no longer commit, and the conflict would be lost.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
