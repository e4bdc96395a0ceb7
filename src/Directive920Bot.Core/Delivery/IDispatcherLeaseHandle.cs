namespace Directive920Bot.Delivery;

/// <summary>A held dispatcher lease; <see cref="IAsyncDisposable.DisposeAsync"/> releases it for the next instance at once.</summary>
public interface IDispatcherLeaseHandle : IAsyncDisposable
{
    /// <summary>
    /// Cancelled when the lease is lost (not renewed in time: the database was unreachable, or this process hung and
    /// another instance took over): the dispatcher then claims nothing more and goes back to waiting for the lease.
    /// </summary>
    CancellationToken Lost { get; }
}
