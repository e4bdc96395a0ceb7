using Directive920Bot.Implementation;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Implementation;

internal sealed class LiteDbImplementationReports(Database db) : IImplementationReports
{
    public const string CollectionName = "impl_reports";
    public const string LockCollection = "impl_locks";
    public const string DraftCollection = "impl_drafts";

    /// <summary>
    /// One document per period and unit, <c>{_id: "2026-Q4|U1", s: {L1: 2, …}}</c>: the statuses of its reports, written
    /// with every save, so the matrix reads 500 small documents a period instead of 4,000 reports with their texts.
    /// </summary>
    public const string StatusCollection = "impl_status";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var reports = database.GetCollection<ImplementationReport>(CollectionName);
        reports.EnsureIndex(r => r.PeriodId);
        mapper.ToDocument(new ImplementationReport());
        mapper.ToDocument(new PeriodLock());
        mapper.ToDocument(new ImplementationDraft());
        // A file written before the status rows existed gets them once, from its reports.
        if (!database.CollectionExists(StatusCollection))
        {
            RebuildStatuses(database);
        }
    });

    private ILiteCollection<ImplementationReport> Reports => db.Collection<ImplementationReport>(CollectionName);

    private ILiteCollection<BsonDocument> StatusRows => db.Lite.GetCollection(StatusCollection);

    private ILiteCollection<PeriodLock> Locks => db.Collection<PeriodLock>(LockCollection);

    private ILiteCollection<ImplementationDraft> Drafts => db.Collection<ImplementationDraft>(DraftCollection);

    public ImplementationReport? Find(string id) => Reports.FindById(id);

    // Ids begin with the period and the unit: a range of the primary key, no second index needed.
    public IReadOnlyList<ImplementationReport> ForUnit(string periodId, string unitCode) =>
        Reports.Find(Query.StartsWith("_id", periodId + "|" + unitCode + "|")).ToList();

    public IReadOnlyList<ImplementationReport> ForPeriod(string periodId) =>
        Reports.Find(Query.StartsWith("_id", periodId + "|")).ToList();

    public IReadOnlyList<UnitStatuses> Statuses(string periodId)
    {
        var prefix = periodId + "|";
        var rows = new List<UnitStatuses>();
        foreach (var doc in StatusRows.Find(Query.StartsWith("_id", prefix)))
        {
            var cells = doc["s"].AsDocument;
            var byRequirement = new Dictionary<string, ImplementationStatus>(cells.Count, StringComparer.Ordinal);
            foreach (var (requirement, status) in cells)
            {
                byRequirement[requirement] = (ImplementationStatus)status.AsInt32;
            }

            rows.Add(new UnitStatuses(doc["_id"].AsString[prefix.Length..], byRequirement));
        }

        return rows;
    }

    public void Save(ITransaction tx, ImplementationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Reports.Upsert(report);
        SetStatus(StatusRows, report.PeriodId, report.UnitCode, report.RequirementId, report.Status);
    }

    public PeriodLock? Lock(string periodId) => Locks.FindById(periodId);

    public void SaveLock(ITransaction tx, PeriodLock periodLock) => Locks.Upsert(periodLock);

    public bool DeleteLock(ITransaction tx, string periodId) => Locks.Delete(periodId);

    public ImplementationDraft? Draft(long userId) => Drafts.FindById(userId);

    public void SaveDraft(ITransaction tx, ImplementationDraft draft) => Drafts.Upsert(draft);

    public void DeleteDraft(ITransaction tx, long userId) => Drafts.Delete(userId);

    /// <summary>Writes the status rows again from the stored reports (the schema's first start on an older file).</summary>
    internal static void RebuildStatuses(ILiteDatabase database)
    {
        var rows = database.GetCollection(StatusCollection);
        rows.DeleteAll();
        var byRow = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in database.GetCollection(CollectionName).Query()
            .Select("{p: $.PeriodId, u: $.UnitCode, r: $.RequirementId, s: $.Status}").ToEnumerable())
        {
            var id = doc["p"].AsString + "|" + doc["u"].AsString;
            if (!byRow.TryGetValue(id, out var cells))
            {
                byRow[id] = cells = [];
            }

            cells[doc["r"].AsString] = (int)Enum.Parse<ImplementationStatus>(doc["s"].AsString);
        }

        // With no reports the collection stays absent and the next start looks again: an empty scan.
        rows.InsertBulk(byRow.Select(r => new BsonDocument { ["_id"] = r.Key, ["s"] = r.Value }));
    }

    private static void SetStatus(ILiteCollection<BsonDocument> rows, string periodId, string unitCode, string requirementId, ImplementationStatus status)
    {
        var id = periodId + "|" + unitCode;
        var row = rows.FindById(id) ?? new BsonDocument { ["_id"] = id, ["s"] = new BsonDocument() };
        row["s"].AsDocument[requirementId] = (int)status;
        rows.Upsert(row);
    }
}
