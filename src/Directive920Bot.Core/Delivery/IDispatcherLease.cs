namespace Directive920Bot.Delivery;

/// <summary>
/// Who may drain the ledger. Telegram's rate limit is per bot, so exactly one dispatcher per bot token sends at a time,
/// however many instances run: more instances add availability, not speed. The embedded store has one process by
/// construction (the database-file instance lock), so its lease is held at once and never lost
/// (<see cref="InstanceDispatcherLease"/>); a shared server store leases it across instances, with fail-over when the
/// holder dies or hangs.
/// </summary>
public interface IDispatcherLease
{
    /// <summary>Completes once this instance holds the lease (cancelled by <paramref name="ct"/>); disposing the handle gives it up.</summary>
    Task<IDispatcherLeaseHandle> AcquireAsync(CancellationToken ct);
}
