namespace Directive920Bot.Storage;

/// <summary>
/// Work that gathers changes in memory during a transaction (counters bumped by many items of one batch) and writes them
/// once, at the end of the same transaction: see <see cref="Database.EnlistBeforeCommit"/>.
/// </summary>
public interface ICommitParticipant
{
    /// <summary>Writes the gathered changes; runs on the writer inside the transaction, so a failure rolls it all back.</summary>
    void BeforeCommit();

    /// <summary>Forgets the gathered changes: the transaction rolled back (its items may be retried one by one).</summary>
    void Discard();
}
