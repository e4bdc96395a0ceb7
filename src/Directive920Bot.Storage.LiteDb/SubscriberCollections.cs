using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// The collections of the subscriber store, and the recount of its members per unit that migration step 6 and the store
/// itself run (the engine's migrations cannot reach the provider's store; both move there together).
/// </summary>
public static class SubscriberCollections
{
    public const string Subscribers = "subscribers";

    public const string Erased = "subscribers_erased";

    /// <summary>Registered subscribers per unit and status, kept with every save and erasure.</summary>
    public const string Counts = "subscriber_counts";

    /// <summary>The count field of every registered subscriber; the others are named after the status.</summary>
    public const string RegisteredField = "Registered";

    /// <summary>Counts the subscribers again and replaces the kept counts; runs inside the caller's transaction.</summary>
    public static void RebuildCounts(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counted = database.GetCollection(Subscribers).Query()
            .Where("$.RegisteredAt != null AND $.UnitCode != null")
            .Select("{u: $.UnitCode, s: $.Status}")
            .ToEnumerable()
            .SelectMany(d => new[] { (d["u"].AsString, RegisteredField), (d["u"].AsString, d["s"].AsString) });
        CountTable.Rebuild(database, Counts, counted);
    }
}
