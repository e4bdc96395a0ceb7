using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Admin;

public sealed class RosterStore(Database db)
{
    public const string CollectionName = "roster";

    /// <summary>Current roster entries per unit (<see cref="CurrentByUnit"/>), kept with every save.</summary>
    public const string CountsCollectionName = "roster_counts";

    private const string CurrentField = "Current";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<RosterEntry>(CollectionName);
        entries.EnsureIndex(e => e.Key, unique: true);
        entries.EnsureIndex(e => e.UnitCode);
        entries.EnsureIndex(e => e.InviteCode, unique: true);
        entries.EnsureIndex(e => e.SubscriberId);
        mapper.ToDocument(new RosterEntry());
    });

    // Reports count roster members per unit from these few documents instead of reading every entry.
    private readonly CountTable counts = new(db, CountsCollectionName);

    private ILiteCollection<RosterEntry> Entries => db.Collection<RosterEntry>(CollectionName);

    public RosterEntry? Find(int id) => Entries.FindById(id);

    public RosterEntry? FindByInvite(string code) => Entries.FindOne(e => e.InviteCode == code);

    public RosterEntry? ForSubscriber(long subscriberId) => Entries.FindOne(e => e.SubscriberId == subscriberId);

    public IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Entries.Find(Filter.In(nameof(RosterEntry.UnitCode), unitCodes)).Where(e => e.Current).ToList();

    public IReadOnlyList<RosterEntry> All() => Entries.FindAll().ToList();

    public void Save(RosterEntry entry) => db.InTransaction(() => Write(entry));

    internal void SaveAll(IEnumerable<RosterEntry> entries) => db.InTransaction(() =>
    {
        foreach (var entry in entries)
        {
            Write(entry);
        }
    });

    /// <summary>
    /// Current entries per unit, committed; kept in the transaction of every save, equal to a count of the collection
    /// (see <see cref="RebuildCounts"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> CurrentByUnit() =>
        counts.All().ToDictionary(u => u.Key, u => u.Value.GetValueOrDefault(CurrentField), StringComparer.Ordinal);

    /// <summary>
    /// Counts the collection again and replaces the kept counts (migration step 6, and anyone who wrote the
    /// collection behind the store's back, such as a benchmark's bulk seed); runs in one transaction.
    /// </summary>
    public static void RebuildCounts(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counted = database.GetCollection(CollectionName).Query()
            .Where("$.Current = true")
            .Select("{u: $.UnitCode}")
            .ToEnumerable()
            .Select(d => (d["u"].AsString, CurrentField));
        CountTable.Rebuild(database, CountsCollectionName, counted);
    }

    /// <summary>Replaces the kept counts with a count of the collection, in a transaction of the running writer.</summary>
    public void RebuildCounts() => db.InTransaction(() => RebuildCounts(db.Lite));

    // Runs in a transaction: the stored entry is read on the one writer, so the count moves from what was committed.
    private void Write(RosterEntry entry)
    {
        var before = entry.Id == 0 ? null : CurrentUnit(db.Lite.GetCollection(CollectionName).FindById(entry.Id));
        Entries.Upsert(entry);
        var after = entry.Current ? entry.UnitCode : null;
        if (before != after)
        {
            if (before is not null)
            {
                counts.Add(before, CurrentField, -1);
            }

            if (after is not null)
            {
                counts.Add(after, CurrentField, 1);
            }
        }
    }

    private static string? CurrentUnit(BsonDocument? stored) =>
        stored is not null && stored["Current"].IsBoolean && stored["Current"].AsBoolean ? stored["UnitCode"].AsString : null;
}
