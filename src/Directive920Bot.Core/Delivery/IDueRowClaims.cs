namespace Directive920Bot.Delivery;

/// <summary>
/// Claiming due rows in the database itself, for a store shared by several instances: there the in-memory due queue of
/// one process cannot see what another enqueued, so whichever instance holds the <see cref="IDispatcherLease"/> works
/// from the ledger table, the source of truth. A provider that does not register it (the embedded store) keeps the
/// in-memory <see cref="DueQueue"/>, rebuilt at start.
/// </summary>
public interface IDueRowClaims
{
    /// <summary>
    /// Atomically moves up to <paramref name="max"/> pending rows due at <paramref name="now"/> to <c>sending</c> (attempts
    /// counted, highest priority first, then earliest due) and returns them; rows another claimer holds are skipped, not
    /// waited for, so two claimers never get the same row.
    /// </summary>
    Task<List<DeliveryRow>> ClaimAsync(DateTime now, int max);

    /// <summary>Pending rows due at or before <paramref name="by"/> (metrics).</summary>
    int CountDueBy(DateTime by);
}
