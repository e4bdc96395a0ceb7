using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// The collections of the roster store, and the recount of its current members per unit that migration step 6 and the
/// store itself run (the engine's migrations cannot reach the provider's store; both move there together).
/// </summary>
public static class RosterCollections
{
    public const string Roster = "roster";

    /// <summary>Current roster entries per unit, kept with every save.</summary>
    public const string Counts = "roster_counts";

    public const string CurrentField = "Current";

    /// <summary>Counts the current entries again and replaces the kept counts; runs inside the caller's transaction.</summary>
    public static void RebuildCounts(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counted = database.GetCollection(Roster).Query()
            .Where("$.Current = true")
            .Select("{u: $.UnitCode}")
            .ToEnumerable()
            .Select(d => (d["u"].AsString, CurrentField));
        CountTable.Rebuild(database, Counts, counted);
    }
}
