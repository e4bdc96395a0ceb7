using Directive920Bot.Storage;

namespace Directive920Bot.Implementation;

/// <summary>The units' implementation reports, the locked periods, the bot's drafts and the reminders already sent.</summary>
public interface IImplementationReports
{
    ImplementationReport? Find(string id);

    IReadOnlyList<ImplementationReport> ForUnit(string periodId, string unitCode);

    IReadOnlyList<ImplementationReport> ForPeriod(string periodId);

    /// <summary>The status of every stored report of the period, per unit (kept with each save; no texts are read).</summary>
    IReadOnlyList<UnitStatuses> Statuses(string periodId);

    void Save(ITransaction tx, ImplementationReport report);

    PeriodLock? Lock(string periodId);

    void SaveLock(ITransaction tx, PeriodLock periodLock);

    bool DeleteLock(ITransaction tx, string periodId);

    ImplementationDraft? Draft(long userId);

    void SaveDraft(ITransaction tx, ImplementationDraft draft);

    void DeleteDraft(ITransaction tx, long userId);
}
