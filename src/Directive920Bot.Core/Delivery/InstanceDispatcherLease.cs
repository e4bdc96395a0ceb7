namespace Directive920Bot.Delivery;

/// <summary>
/// The lease on the embedded store: the database-file instance lock already keeps a second process out, so the one
/// dispatcher of this process holds the lease from the start and never loses it.
/// </summary>
internal sealed class InstanceDispatcherLease : IDispatcherLease
{
    public Task<IDispatcherLeaseHandle> AcquireAsync(CancellationToken ct) => Task.FromResult<IDispatcherLeaseHandle>(Held.Instance);

    private sealed class Held : IDispatcherLeaseHandle
    {
        public static readonly Held Instance = new();

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
