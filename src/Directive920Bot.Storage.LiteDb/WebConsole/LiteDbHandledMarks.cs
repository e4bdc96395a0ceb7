using Directive920Bot.WebConsole;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

internal sealed class LiteDbHandledMarks(Database db) : IHandledMarks
{
    public const string CollectionName = "console_handled";

    public static readonly StoreSchema Schema = new(CollectionName, (_, mapper) => mapper.ToDocument(new HandledMark()));

    private ILiteCollection<HandledMark> Marks => db.Collection<HandledMark>(CollectionName);

    public bool TryAdd(ITransaction tx, HandledMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (Marks.FindById(mark.Id) is not null)
        {
            return false;
        }

        Marks.Insert(mark);
        return true;
    }

    public IReadOnlyDictionary<string, DateTime> Find(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<string, DateTime>();
        }

        // The id is the primary key: one indexed look-up per id (a page shows at most a few hundred).
        var found = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Marks.FindById(id) is { } mark)
            {
                found[id] = DateTime.SpecifyKind(mark.At, DateTimeKind.Utc);
            }
        }

        return found;
    }
}
