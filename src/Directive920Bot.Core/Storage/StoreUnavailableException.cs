namespace Directive920Bot.Storage;

/// <summary>
/// The store refused a write before starting it because the disk under it cannot take one (read-only, nearly full):
/// nothing was written, and the same write succeeds once the fault is gone. An <see cref="IOException"/>, so callers
/// that answer a failed disk write politely answer this one too.
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
