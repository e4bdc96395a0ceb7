using Directive920Bot.Questions;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Questions;

internal sealed class LiteDbUnansweredQuestions(Database db) : IUnansweredQuestions
{
    public const string CollectionName = "ask_unanswered";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var questions = database.GetCollection<UnansweredQuestion>(CollectionName);
        questions.EnsureIndex(q => q.UnitCode);
        questions.EnsureIndex(q => q.AskedOn);
        mapper.ToDocument(new UnansweredQuestion());
    });

    private ILiteCollection<UnansweredQuestion> Items => db.Collection<UnansweredQuestion>(CollectionName);

    public IReadOnlyList<UnansweredQuestion> List(IReadOnlyCollection<string>? unitCodes)
    {
        var found = unitCodes is null ? Items.FindAll() : Items.Find(Filter.In(nameof(UnansweredQuestion.UnitCode), unitCodes));
        return found.OrderByDescending(q => q.AskedOn).ThenBy(q => q.Text, StringComparer.Ordinal).ToList();
    }

    public UnansweredQuestion? Find(string id) => Items.FindById(id);

    public int Count() => Items.Count();

    public void Save(ITransaction tx, UnansweredQuestion question) => Items.Upsert(question);
}
