namespace Directive920Bot.Storage;

/// <summary>
/// The running service's hold on its store. An embedded store can be opened by a second process behind the service's
/// back, so every CLI verb that opens the store asks this first and refuses while the service holds it.
/// </summary>
public interface IStoreLock
{
    /// <summary>Where the store is, as an operator would name it (a file path, a server).</summary>
    string Location { get; }

    /// <summary>True while a running service holds the store.</summary>
    bool IsHeld();

    /// <summary>
    /// Holds the store as the running service would, until disposed, so the service cannot start on it while a verb
    /// reads it whole (<c>migrate-store</c>); throws <see cref="Hosting.DatabaseInUseException"/> while the service runs.
    /// A shared server store has no such hold: nothing is taken.
    /// </summary>
    IDisposable Hold();
}
