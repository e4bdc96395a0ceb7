using Directive920Bot.Reports;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Reports;

/// <summary>
/// The report counters in four small collections; every event counted leaves its id in <c>report_events</c>, as a
/// keyed hash (<see cref="StoreSecrets"/>): the ids name a Telegram user (<c>p:123</c>, <c>q:123:…</c>, a ledger row id
/// ending in it), and an erased person's id must not stay readable there.
/// </summary>
internal sealed class LiteDbReportCounterStore(Database db) : IReportCounterStore
{
    // Event ids stored before they were hashed start with the kind and a colon; a hash never contains one.
    private const char PlainMark = ':';

    private byte[]? key;

    public const string ItemsCollection = "report_items";
    public const string QuestionsCollection = "report_questions";
    public const string UnitsCollection = "report_units";
    public const string EventsCollection = "report_events";
    public const string DaysCollection = "report_days";

    public static readonly StoreSchema Schema = new(ItemsCollection, (database, mapper) =>
    {
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.UnitCode);
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.ItemId);
        database.GetCollection<QuestionCounter>(QuestionsCollection).EnsureIndex(c => c.UnitCode);
        database.GetCollection<UnitDayCounter>(DaysCollection).EnsureIndex(c => c.Day);
        mapper.ToDocument(new ItemCounter());
        mapper.ToDocument(new QuestionCounter());
        mapper.ToDocument(new UnitCounter());
        mapper.ToDocument(new CountedEvent());
        mapper.ToDocument(new UnitDayCounter());
        HashPlainEvents(database);
    });

    private ILiteCollection<ItemCounter> Items => db.Collection<ItemCounter>(ItemsCollection);

    private ILiteCollection<QuestionCounter> Questions => db.Collection<QuestionCounter>(QuestionsCollection);

    private ILiteCollection<UnitCounter> Units => db.Collection<UnitCounter>(UnitsCollection);

    private ILiteCollection<UnitDayCounter> Days => db.Collection<UnitDayCounter>(DaysCollection);

    private ILiteCollection<CountedEvent> Events => db.Collection<CountedEvent>(EventsCollection);

    public ItemCounter? FindItem(string id) => Items.FindById(id);

    public IReadOnlyList<ItemCounter> AllItems() => Items.FindAll().ToList();

    public IReadOnlyList<ItemCounter> ItemsFor(string itemId) => Items.Find(c => c.ItemId == itemId).ToList();

    public QuestionCounter? FindQuestion(string id) => Questions.FindById(id);

    public IReadOnlyList<QuestionCounter> AllQuestions() => Questions.FindAll().ToList();

    public UnitCounter? FindUnit(string unitCode) => Units.FindById(unitCode);

    public IReadOnlyList<UnitCounter> AllUnits() => Units.FindAll().ToList();

    public UnitDayCounter? FindDay(string id) => Days.FindById(id);

    // A range of the Day index: a few rows per unit and day, whatever the size of the ledger.
    public IReadOnlyList<UnitDayCounter> DaysBetween(string fromDay, string toDay) =>
        Days.Find(Query.Between(nameof(UnitDayCounter.Day), fromDay, toDay)).ToList();

    // Upsert reports whether it inserted: one key lookup inside the engine instead of a query and an insert.
    public bool MarkCounted(ITransaction tx, string eventId) =>
        Events.Upsert(new CountedEvent { Id = StoreSecrets.Hash(key ??= StoreSecrets.Get(db.Lite, StoreSecrets.ReportEvents), eventId) });

    public int Forget(ITransaction tx, IEnumerable<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        key ??= StoreSecrets.Get(db.Lite, StoreSecrets.ReportEvents);
        return eventIds.Count(id => Events.Delete(StoreSecrets.Hash(key, id)));
    }

    public void SaveItems(ITransaction tx, IReadOnlyCollection<ItemCounter> counters) => Items.Upsert(counters);

    public void SaveQuestion(ITransaction tx, QuestionCounter counter) => Questions.Upsert(counter);

    public void SaveUnit(ITransaction tx, UnitCounter counter) => Units.Upsert(counter);

    public void SaveDays(ITransaction tx, IReadOnlyCollection<UnitDayCounter> counters) => Days.Upsert(counters);

    /// <summary>Replaces the plain event ids of a file written before they were hashed; runs at start, before the writer.</summary>
    private static void HashPlainEvents(ILiteDatabase database)
    {
        var events = database.GetCollection(EventsCollection);
        var plain = events.Find(Query.All()).Select(d => d["_id"].AsString).Where(id => id.Contains(PlainMark, StringComparison.Ordinal)).ToList();
        if (plain.Count == 0)
        {
            return;
        }

        var secret = StoreSecrets.Get(database, StoreSecrets.ReportEvents);
        database.BeginTrans();
        foreach (var id in plain)
        {
            events.Delete(id);
            events.Upsert(new BsonDocument { ["_id"] = StoreSecrets.Hash(secret, id) });
        }

        database.Commit();
    }
}
