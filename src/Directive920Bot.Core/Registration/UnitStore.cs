using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Registration;

public sealed class UnitStore(Database db)
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

    private ILiteCollection<Unit> Units => db.Collection<Unit>(CollectionName);

    public Unit? Find(string? code) => string.IsNullOrEmpty(code) ? null : Units.FindById(code);

    public Unit? FindByInvite(string invite) => Units.FindOne(u => u.InviteCode == invite);

    public IReadOnlyList<Unit> All() => Units.FindAll().OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

    /// <summary>The unit and every unit below it.</summary>
    public IReadOnlyList<Unit> SubTree(string code)
    {
        var root = Find(code);
        return root is null ? [] : Units.Find(Filter.StartsWith(nameof(Unit.Path), root.Path)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> SubTreeCodes(IEnumerable<string> codes) =>
        codes.SelectMany(SubTree).Select(u => u.Code).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<Unit> Search(string text)
    {
        var key = TextFold.Fold(text);
        return All().Where(u => u.SearchKey.Contains(key, StringComparison.Ordinal) || u.Code.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The unit's name for display, or its code when the unit is unknown.</summary>
    public string DisplayName(string? code)
    {
        var unit = Find(code);
        return unit?.Name ?? code ?? "";
    }

    public int Count() => Units.Count();

    internal void ReplaceAll(IReadOnlyList<Unit> units) => db.InTransaction(() =>
    {
        foreach (var unit in units)
        {
            Units.Upsert(unit);
        }
    });
}
