namespace Directive920Bot.Storage;

/// <summary>
/// A store write that must be the first under its key found the key taken. Thrown by the provider from inside the
/// transaction, so the transaction (and everything written in it) rolls back: callers that insert without looking
/// first (insert-if-absent decides) catch it around <see cref="IStorage.WriteAsync{T}"/> and treat it as "already there".
/// </summary>
public sealed class DuplicateKeyException : Exception
{
    public DuplicateKeyException()
    {
    }

    public DuplicateKeyException(string message)
        : base(message)
    {
    }

    public DuplicateKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
