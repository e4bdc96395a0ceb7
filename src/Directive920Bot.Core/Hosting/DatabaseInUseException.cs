namespace Directive920Bot.Hosting;

/// <summary>
/// A CLI verb was about to open a database that the running service holds (<see cref="Storage.IStoreLock"/>).
/// Thrown by <see cref="CliHost.Build"/> before anything is opened; <see cref="Cli"/> turns it into exit code 3.
/// </summary>
public sealed class DatabaseInUseException : IOException
{
    public DatabaseInUseException()
    {
    }

    public DatabaseInUseException(string message)
        : base(message)
    {
    }

    public DatabaseInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static DatabaseInUseException For(string databasePath) => new($"{databasePath} is locked by the running service.");
}
