using Directive920Bot.Reports;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Reports;

internal sealed class LiteDbNudgeMarks(Database db) : INudgeMarks
{
    public const string CollectionName = "report_nudges";

    public static readonly StoreSchema Schema = new(CollectionName, (_, mapper) => mapper.ToDocument(new NudgeMark()));

    private ILiteCollection<NudgeMark> Marks => db.Collection<NudgeMark>(CollectionName);

    public bool TryAdd(ITransaction tx, NudgeMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (Marks.FindById(mark.Id) is not null)
        {
            return false;
        }

        Marks.Insert(mark);
        return true;
    }
}
