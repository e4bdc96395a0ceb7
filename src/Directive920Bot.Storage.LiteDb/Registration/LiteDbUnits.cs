using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Registration;

/// <summary>The organisation tree in LiteDB, one document per unit keyed by its code; a sub-tree is a prefix query on the path.</summary>
internal sealed class LiteDbUnits(Database db) : IUnits
{
    public const string CollectionName = "units";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var units = database.GetCollection<Unit>(CollectionName);
        units.EnsureIndex(u => u.Path);
        units.EnsureIndex(u => u.InviteCode, unique: true);
        units.EnsureIndex(u => u.ParentCode);
        mapper.ToDocument(new Unit());
    });

    public static readonly MapperSetup Mapping = new(mapper => mapper.Entity<Unit>().Id(u => u.Code, autoId: false));

    private ILiteCollection<Unit> Units => db.Collection<Unit>(CollectionName);

    public Unit? Find(string? code) => string.IsNullOrEmpty(code) ? null : Units.FindById(code);

    public Unit? FindByInvite(string invite) => Units.FindOne(u => u.InviteCode == invite);

    public IReadOnlyList<Unit> All() => Units.FindAll().OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Unit> SubTree(string code)
    {
        var root = Find(code);
        // LIKE seeks the index, but '_' and '%' in a code are its wildcards ("S_NV" would take "SXNV" in): the prefix is
        // checked again exactly.
        return root is null
            ? []
            : Units.Find(Filter.StartsWith(nameof(Unit.Path), root.Path))
                .Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal))
                .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
    }

    public int Count() => Units.Count();

    public void SaveAll(ITransaction tx, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(units);
        foreach (var unit in units)
        {
            Units.Upsert(unit);
        }
    }
}
