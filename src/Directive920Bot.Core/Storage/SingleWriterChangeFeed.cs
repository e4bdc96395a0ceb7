namespace Directive920Bot.Storage;

/// <summary>The change feed of a store that one process writes alone (LiteDB): nothing to announce, nothing to hear.</summary>
public sealed class SingleWriterChangeFeed : IChangeFeed
{
    public bool SingleWriter => true;

    public void Announce(ITransaction tx, string topic)
    {
    }

    public IDisposable Subscribe(string topic, Action changed) => Nothing.Instance;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
