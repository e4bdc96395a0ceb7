using Directive920Bot.Storage;

namespace Directive920Bot.Reports;

/// <summary>
/// The report counters as stored: the item, question and unit counters and the record of events already counted. Reads
/// see committed data (and, on the writer inside a transaction, what that transaction wrote). The counting itself is
/// <see cref="ReportCounters"/>'s.
/// </summary>
public interface IReportCounterStore
{
    ItemCounter? FindItem(string id);

    /// <summary>Every item counter (a few thousand: units × items).</summary>
    IReadOnlyList<ItemCounter> AllItems();

    /// <summary>The counters of one item, in every unit.</summary>
    IReadOnlyList<ItemCounter> ItemsFor(string itemId);

    QuestionCounter? FindQuestion(string id);

    IReadOnlyList<QuestionCounter> AllQuestions();

    UnitCounter? FindUnit(string unitCode);

    UnitDayCounter? FindDay(string id);

    /// <summary>Every unit's day counters from <paramref name="fromDay"/> to <paramref name="toDay"/> inclusive (<c>yyyy-MM-dd</c>).</summary>
    IReadOnlyList<UnitDayCounter> DaysBetween(string fromDay, string toDay);

    IReadOnlyList<UnitCounter> AllUnits();

    /// <summary>Records <paramref name="eventId"/> as counted; false when it already was (nothing is written then).</summary>
    bool MarkCounted(ITransaction tx, string eventId);

    /// <summary>Deletes the records of these events (an erased person's); returns how many were stored.</summary>
    int Forget(ITransaction tx, IEnumerable<string> eventIds);

    /// <summary>Writes the item counters (inserted or replaced).</summary>
    void SaveItems(ITransaction tx, IReadOnlyCollection<ItemCounter> counters);

    void SaveQuestion(ITransaction tx, QuestionCounter counter);

    void SaveUnit(ITransaction tx, UnitCounter counter);

    /// <summary>Writes the day counters (inserted or replaced).</summary>
    void SaveDays(ITransaction tx, IReadOnlyCollection<UnitDayCounter> counters);
}
