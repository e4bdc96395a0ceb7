using Directive920Bot.Implementation;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Implementation;

internal sealed class LiteDbImplementationReports(Database db) : IImplementationReports
{
    public const string CollectionName = "impl_reports";
    public const string LockCollection = "impl_locks";
    public const string DraftCollection = "impl_drafts";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var reports = database.GetCollection<ImplementationReport>(CollectionName);
        reports.EnsureIndex(r => r.PeriodId);
        mapper.ToDocument(new ImplementationReport());
        mapper.ToDocument(new PeriodLock());
        mapper.ToDocument(new ImplementationDraft());
    });

    private ILiteCollection<ImplementationReport> Reports => db.Collection<ImplementationReport>(CollectionName);

    private ILiteCollection<PeriodLock> Locks => db.Collection<PeriodLock>(LockCollection);

    private ILiteCollection<ImplementationDraft> Drafts => db.Collection<ImplementationDraft>(DraftCollection);

    public ImplementationReport? Find(string id) => Reports.FindById(id);

    // Ids begin with the period and the unit: a range of the primary key, no second index needed.
    public IReadOnlyList<ImplementationReport> ForUnit(string periodId, string unitCode) =>
        Reports.Find(Query.StartsWith("_id", periodId + "|" + unitCode + "|")).ToList();

    public IReadOnlyList<ImplementationReport> ForPeriod(string periodId) =>
        Reports.Find(Query.StartsWith("_id", periodId + "|")).ToList();

    public void Save(ITransaction tx, ImplementationReport report) => Reports.Upsert(report);

    public PeriodLock? Lock(string periodId) => Locks.FindById(periodId);

    public void SaveLock(ITransaction tx, PeriodLock periodLock) => Locks.Upsert(periodLock);

    public bool DeleteLock(ITransaction tx, string periodId) => Locks.Delete(periodId);

    public ImplementationDraft? Draft(long userId) => Drafts.FindById(userId);

    public void SaveDraft(ITransaction tx, ImplementationDraft draft) => Drafts.Upsert(draft);

    public void DeleteDraft(ITransaction tx, long userId) => Drafts.Delete(userId);
}
