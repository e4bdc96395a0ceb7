using Directive920Bot.Reports;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Reports;

/// <summary>The report counters in four small collections; every event counted leaves its id in <c>report_events</c>.</summary>
internal sealed class LiteDbReportCounterStore(Database db) : IReportCounterStore
{
    public const string ItemsCollection = "report_items";
    public const string QuestionsCollection = "report_questions";
    public const string UnitsCollection = "report_units";
    public const string EventsCollection = "report_events";

    public static readonly StoreSchema Schema = new(ItemsCollection, (database, mapper) =>
    {
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.UnitCode);
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.ItemId);
        database.GetCollection<QuestionCounter>(QuestionsCollection).EnsureIndex(c => c.UnitCode);
        mapper.ToDocument(new ItemCounter());
        mapper.ToDocument(new QuestionCounter());
        mapper.ToDocument(new UnitCounter());
        mapper.ToDocument(new CountedEvent());
    });

    private ILiteCollection<ItemCounter> Items => db.Collection<ItemCounter>(ItemsCollection);

    private ILiteCollection<QuestionCounter> Questions => db.Collection<QuestionCounter>(QuestionsCollection);

    private ILiteCollection<UnitCounter> Units => db.Collection<UnitCounter>(UnitsCollection);

    private ILiteCollection<CountedEvent> Events => db.Collection<CountedEvent>(EventsCollection);

    public ItemCounter? FindItem(string id) => Items.FindById(id);

    public IReadOnlyList<ItemCounter> AllItems() => Items.FindAll().ToList();

    public IReadOnlyList<ItemCounter> ItemsFor(string itemId) => Items.Find(c => c.ItemId == itemId).ToList();

    public QuestionCounter? FindQuestion(string id) => Questions.FindById(id);

    public IReadOnlyList<QuestionCounter> AllQuestions() => Questions.FindAll().ToList();

    public UnitCounter? FindUnit(string unitCode) => Units.FindById(unitCode);

    public IReadOnlyList<UnitCounter> AllUnits() => Units.FindAll().ToList();

    // Upsert reports whether it inserted: one key lookup inside the engine instead of a query and an insert.
    public bool MarkCounted(ITransaction tx, string eventId) => Events.Upsert(new CountedEvent { Id = eventId });

    public void SaveItems(ITransaction tx, IReadOnlyCollection<ItemCounter> counters) => Items.Upsert(counters);

    public void SaveQuestion(ITransaction tx, QuestionCounter counter) => Questions.Upsert(counter);

    public void SaveUnit(ITransaction tx, UnitCounter counter) => Units.Upsert(counter);
}
