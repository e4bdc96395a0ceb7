using Directive920Bot.Reports;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Reports;

/// <summary>
/// Reports' sections for <c>migrate-store</c>: the counters, the events already counted (keyed hashes) and the key that
/// made them — without it the target would hash the same event differently and count it a second time — and nudge marks.
/// </summary>
internal static class ReportsCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<ItemCounter>(lite, "report_items", LiteDbReportCounterStore.ItemsCollection);
        yield return CopyCollections.Of<QuestionCounter>(lite, "report_questions", LiteDbReportCounterStore.QuestionsCollection);
        yield return CopyCollections.Of<UnitCounter>(lite, "report_units", LiteDbReportCounterStore.UnitsCollection);
        yield return CopyCollections.Of<UnitDayCounter>(lite, "report_days", LiteDbReportCounterStore.DaysCollection);
        yield return CopyCollections.Of<CountedEvent>(lite, "report_events", LiteDbReportCounterStore.EventsCollection);
        var key = lite.CollectionExists(StoreSecrets.Collection) ? lite.GetCollection(StoreSecrets.Collection).FindById(StoreSecrets.ReportEvents) : null;
        yield return new StoreSection("report_event_key", key is null ? 0 : 1,
            key is null ? [] : [new StoredValue(StoreSecrets.ReportEvents, key["key"].AsBinary)]);
        yield return CopyCollections.Of<NudgeMark>(lite, "report_nudges", LiteDbNudgeMarks.CollectionName);
    }
}
