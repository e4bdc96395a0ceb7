using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// A server store is shared by design: several instances and the CLI's verbs open it together, and the server keeps
/// them consistent (transactions, unique keys), so nobody holds it the way the service holds the embedded file.
/// </summary>
internal sealed class PostgresStoreLock(IOptions<StorageOptions> options) : IStoreLock
{
    public string Location => ConnectionStrings.Describe(options.Value.ConnectionString ?? "");

    public bool IsHeld() => false;

    public IDisposable Hold() => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
