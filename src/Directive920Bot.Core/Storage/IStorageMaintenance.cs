namespace Directive920Bot.Storage;

/// <summary>
/// Upkeep of the store's file. Deleting a record frees its pages but leaves its bytes in the file until they are reused;
/// after an erasure (and periodically) the file is rewritten so that nothing erased can be read back from it.
/// </summary>
public interface IStorageMaintenance
{
    /// <summary>
    /// Rewrites the file with only the live records; completes when done. Requests made while one is still queued share
    /// it, so a batch of erasures compacts once. Returns the bytes the file shrank by. Never call from inside a transaction.
    /// </summary>
    Task<long> CompactAsync();
}
