using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The units' member rosters, and the current members per unit that reports read.</summary>
public interface IRoster
{
    RosterEntry? Find(int id);

    RosterEntry? FindByInvite(string code);

    /// <summary>The entry linked to the subscriber, if any.</summary>
    RosterEntry? ForSubscriber(long subscriberId);

    /// <summary>The current entries of the units (not their sub-units).</summary>
    IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes);

    IReadOnlyList<RosterEntry> All();

    /// <summary>Stores the entry (a new one, with id 0, gets its id) and moves the current members per unit from what was stored.</summary>
    void Save(ITransaction tx, RosterEntry entry);

    /// <inheritdoc cref="Save"/>
    void SaveAll(ITransaction tx, IEnumerable<RosterEntry> entries);

    /// <summary>
    /// Current entries per unit, committed; kept with every save, equal to a count of the entries (see <see cref="RebuildCounts"/>).
    /// With <paramref name="unitCodes"/>, only those units.
    /// </summary>
    IReadOnlyDictionary<string, int> CurrentByUnit(IReadOnlyCollection<string>? unitCodes = null);

    /// <summary>Counts the entries again and replaces the kept counts (for anyone who wrote behind the store's back, such as a bulk seed).</summary>
    void RebuildCounts(ITransaction tx);

    /// <summary>Retired entries (not current), linked to nobody, unchanged since before <paramref name="cutoff"/> (retention).</summary>
    int CountRetiredBefore(DateTime cutoff);

    /// <summary>Deletes the entries <see cref="CountRetiredBefore"/> counts; the per-unit counts hold current entries only, so none changes.</summary>
    int DeleteRetiredBefore(ITransaction tx, DateTime cutoff);
}
