using Directive920Bot.Admin;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Admin;

/// <summary>
/// The member rosters in LiteDB, and the current members per unit in a count table written with every save, which
/// reports read instead of every entry.
/// </summary>
internal sealed class LiteDbRoster(Database db) : IRoster
{
    public const string CollectionName = RosterCollections.Roster;

    public const string CountsCollectionName = RosterCollections.Counts;

    private const string CurrentField = RosterCollections.CurrentField;

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<RosterEntry>(CollectionName);
        entries.EnsureIndex(e => e.Key, unique: true);
        entries.EnsureIndex(e => e.UnitCode);
        entries.EnsureIndex(e => e.InviteCode, unique: true);
        entries.EnsureIndex(e => e.SubscriberId);
        mapper.ToDocument(new RosterEntry());
    });

    private readonly CountTable counts = new(db, CountsCollectionName);

    private ILiteCollection<RosterEntry> Entries => db.Collection<RosterEntry>(CollectionName);

    public int CountRetiredBefore(DateTime cutoff) => Entries.Count(e => !e.Current && e.SubscriberId == null && e.UpdatedAt < cutoff);

    public int DeleteRetiredBefore(ITransaction tx, DateTime cutoff) => Entries.DeleteMany(e => !e.Current && e.SubscriberId == null && e.UpdatedAt < cutoff);

    public RosterEntry? Find(int id) => Entries.FindById(id);

    public RosterEntry? FindByInvite(string code) => Entries.FindOne(e => e.InviteCode == code);

    public RosterEntry? ForSubscriber(long subscriberId) => Entries.FindOne(e => e.SubscriberId == subscriberId);

    public IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Entries.Find(Filter.In(nameof(RosterEntry.UnitCode), unitCodes)).Where(e => e.Current).ToList();

    public IReadOnlyList<RosterEntry> All() => Entries.FindAll().ToList();

    public void Save(ITransaction tx, RosterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(entry);
        Write(tx, entry);
    }

    public void SaveAll(ITransaction tx, IEnumerable<RosterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Write(tx, entry);
        }
    }

    public IReadOnlyDictionary<string, int> CurrentByUnit(IReadOnlyCollection<string>? unitCodes = null) =>
        counts.All().Where(u => unitCodes is null || unitCodes.Contains(u.Key)).ToDictionary(u => u.Key, u => u.Value.GetValueOrDefault(CurrentField), StringComparer.Ordinal);

    public void RebuildCounts(ITransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        RosterCollections.RebuildCounts(db.Lite);
    }

    // Runs in a transaction: the stored entry is read on the one writer, so the count moves from what was committed.
    private void Write(ITransaction tx, RosterEntry entry)
    {
        var before = entry.Id == 0 ? null : CurrentUnit(db.Lite.GetCollection(CollectionName).FindById(entry.Id));
        Entries.Upsert(entry);
        var after = entry.Current ? entry.UnitCode : null;
        if (before != after)
        {
            if (before is not null)
            {
                counts.Add(tx, before, CurrentField, -1);
            }

            if (after is not null)
            {
                counts.Add(tx, after, CurrentField, 1);
            }
        }
    }

    private static string? CurrentUnit(BsonDocument? stored) =>
        stored is not null && stored["Current"].IsBoolean && stored["Current"].AsBoolean ? stored["UnitCode"].AsString : null;
}
