namespace Directive920Bot.Storage;

/// <summary>The provider's side of backups: a consistent copy of the open store, and the files of a closed one.</summary>
public interface IStoreBackup
{
    /// <summary>
    /// Null when <see cref="CopyToAsync"/> makes backups; else why it does not and what does instead (a server database
    /// is backed up by the operator's tools), shown by the backup verb, the admin API and /readyz.
    /// </summary>
    string? ManagedByOperator { get; }

    /// <summary>Writes a consistent copy of the open store to <paramref name="path"/> (created, mode 0600); returns its counts.</summary>
    Task<StoreSnapshot> CopyToAsync(string path);

    /// <summary>The open store's document counts per collection.</summary>
    IReadOnlyDictionary<string, long> Counts();
}

/// <summary>Store files that are not open (restore, inspection): no dependency on the open store.</summary>
public interface IStoreFiles
{
    /// <summary>Opens <paramref name="path"/> read-only; throws <see cref="InvalidDataException"/> when it is not a Directive920Bot store.</summary>
    StoreSnapshot Inspect(string path);

    /// <summary>Puts <paramref name="source"/> in place of the store at <paramref name="databasePath"/>; returns where the replaced file was kept, or null.</summary>
    string? Replace(string databasePath, string source, string stamp);
}

/// <summary>What a store file holds: its schema version, the version this program knows, and its counts.</summary>
public sealed record StoreSnapshot(int SchemaVersion, int KnownVersion, IReadOnlyDictionary<string, long> Counts);
