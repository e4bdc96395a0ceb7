using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Admin;

public sealed class RosterStore(Database db)
{
    public const string CollectionName = "roster";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<RosterEntry>(CollectionName);
        entries.EnsureIndex(e => e.Key, unique: true);
        entries.EnsureIndex(e => e.UnitCode);
        entries.EnsureIndex(e => e.InviteCode, unique: true);
        entries.EnsureIndex(e => e.SubscriberId);
        mapper.ToDocument(new RosterEntry());
    });

    private ILiteCollection<RosterEntry> Entries => db.Collection<RosterEntry>(CollectionName);

    public RosterEntry? Find(int id) => Entries.FindById(id);

    public RosterEntry? FindByInvite(string code) => Entries.FindOne(e => e.InviteCode == code);

    public RosterEntry? ForSubscriber(long subscriberId) => Entries.FindOne(e => e.SubscriberId == subscriberId);

    public IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Entries.Find(Filter.In(nameof(RosterEntry.UnitCode), unitCodes)).Where(e => e.Current).ToList();

    public IReadOnlyList<RosterEntry> All() => Entries.FindAll().ToList();

    public void Save(RosterEntry entry) => Entries.Upsert(entry);

    internal void SaveAll(IEnumerable<RosterEntry> entries) => db.InTransaction(() =>
    {
        foreach (var entry in entries)
        {
            Entries.Upsert(entry);
        }
    });
}
