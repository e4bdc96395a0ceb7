namespace Directive920Bot.Storage;

/// <summary>
/// Tells the other instances on one store that something they may keep in memory changed. In-memory state that trusts a
/// single writer (a cache filled from the store and kept up to date by this process's own writes) subscribes to a topic
/// and drops what it keeps when another instance announces one. On LiteDB one process is the only writer
/// (<see cref="SingleWriter"/>) and nothing is announced; on PostgreSQL an announcement is a <c>pg_notify</c> in the
/// writing transaction (PostgreSQL delivers it only once that commits) heard on a dedicated <c>LISTEN</c> connection.
/// </summary>
public interface IChangeFeed
{
    /// <summary>True when this process is the store's only writer, so that nothing ever needs announcing.</summary>
    bool SingleWriter { get; }

    /// <summary>Announces to the other instances, once <paramref name="tx"/> commits, that <paramref name="topic"/> changed.</summary>
    void Announce(ITransaction tx, string topic);

    /// <summary>
    /// Calls <paramref name="changed"/> when another instance announced <paramref name="topic"/>, and whenever an
    /// announcement may have been missed (the listening connection was lost and is back). It runs on the listener's
    /// thread: keep it short (drop a cache; do not read the store).
    /// </summary>
    IDisposable Subscribe(string topic, Action changed);
}
