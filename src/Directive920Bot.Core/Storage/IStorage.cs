namespace Directive920Bot.Storage;

/// <summary>
/// The store's unit of work. Features write only inside <see cref="WriteAsync{T}"/> and pass the transaction to the
/// stores they write; reads need no transaction and see committed data. A provider may run many transactions
/// together (the embedded one commits concurrent work in one group commit), so work must touch only the store and the
/// objects it was given, and may run again when its batch is retried.
/// </summary>
public interface IStorage
{
    /// <summary>Runs <paramref name="work"/> in a transaction; completes after it committed, or fails with nothing of it written.</summary>
    Task<T> WriteAsync<T>(Func<ITransaction, T> work);

    /// <inheritdoc cref="WriteAsync{T}"/>
    Task WriteAsync(Action<ITransaction> work);

    /// <summary>
    /// The blocking form, for synchronous callers (a CLI verb, an import). Neither form may be called from work that
    /// already runs in a transaction: it throws, and that work passes its own transaction on instead.
    /// </summary>
    T Write<T>(Func<ITransaction, T> work);

    /// <inheritdoc cref="Write{T}"/>
    void Write(Action<ITransaction> work);
}
