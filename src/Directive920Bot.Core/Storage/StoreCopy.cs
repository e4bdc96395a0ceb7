namespace Directive920Bot.Storage;

/// <summary>
/// One section of a store as <c>migrate-store</c> copies it: a collection or table, read as its feature's own records
/// (the domain types both providers store, or a <see cref="StoredValue"/>/<see cref="StoredAddress"/> for what one
/// provider keeps as bare documents), so each provider pair knows its data and no generic dump has to guess.
/// </summary>
/// <param name="Name">The section's name, the same on both providers (e.g. <c>subscribers</c>).</param>
/// <param name="Count">How many records the source holds, counted by the store itself.</param>
/// <param name="Records">The records, read lazily while the source is open.</param>
public sealed record StoreSection(string Name, long Count, IEnumerable<object> Records);

/// <summary>A section the copy leaves out on purpose, and why (derived data, one-time tokens, …).</summary>
public sealed record SkippedSection(string Name, string Reason);

/// <summary>A person's channel address as the directory keeps it (LiteDB keeps it as a bare document).</summary>
public sealed record StoredAddress(string Address, long PersonId, string Channel, bool Preferred);

/// <summary>A keyed piece of a feature's bookkeeping (an inbox cursor, the weekly review's last slot, a counter, a key).</summary>
public sealed record StoredValue(string Key, object Value);

/// <summary>A source store, opened read-only for as long as this lives.</summary>
public interface IStoreCopyReader : IDisposable
{
    /// <summary>Where the source is, as an operator names it.</summary>
    string Location { get; }

    /// <summary>Every section, in the order the target writes them.</summary>
    IReadOnlyList<StoreSection> Sections { get; }

    IReadOnlyList<SkippedSection> Skipped { get; }

    /// <summary>What the source holds that this program does not know: a copy that would leave it behind is refused.</summary>
    IReadOnlyList<string> Unknown { get; }
}

/// <summary>The provider a store is copied FROM: opens its store read-only (refusing a schema it would have to migrate).</summary>
public interface IStoreCopySource
{
    IStoreCopyReader Open();
}

/// <summary>The provider a store is copied INTO: an empty store of its own, written in one transaction.</summary>
public interface IStoreCopyTarget
{
    /// <summary>Where the target is, as an operator names it (never a password).</summary>
    string Location { get; }

    /// <summary>The sections this provider can write (every section a source yields must be here).</summary>
    IReadOnlySet<string> Sections { get; }

    /// <summary>The target's data tables that hold rows already, with their counts: a copy goes only into an empty store.</summary>
    IReadOnlyList<(string Table, long Rows)> NonEmpty();

    /// <summary>Writes one section's records in the copy's transaction.</summary>
    void Write(ITransaction tx, StoreSection section);

    /// <summary>How many records of <paramref name="section"/> the target holds, read inside the copy's transaction.</summary>
    long Count(string section);
}

/// <summary>Section names both providers share beyond their tables.</summary>
public static class StoreSections
{
    /// <summary>
    /// The ledger rows still held in chunks (not yet written out as rows), as the ledger reads them: nothing of its own
    /// is written (the chunks are), it is a count to check.
    /// </summary>
    public const string ChunkHeldRows = "deliveries_in_chunks";
}
