using Directive920Bot.Implementation;

namespace Directive920Bot.Storage.Postgres.Implementation;

/// <summary>
/// Implementation reports in <c>impl_reports</c>, one row per period, unit and requirement. The matrix reads the status
/// column through the period index (which carries it), so no second copy of the statuses is kept.
/// </summary>
internal sealed class PgImplementationReports(PostgresStorage db) : IImplementationReports
{
    public ImplementationReport? Find(string id) => Json.Read<ImplementationReport>(db.One<string>("SELECT doc::text FROM impl_reports WHERE id = @id", new { id }));

    public IReadOnlyList<ImplementationReport> ForUnit(string periodId, string unitCode) =>
        Reports("WHERE period_id = @periodId AND unit_code = @unitCode", new { periodId, unitCode });

    public IReadOnlyList<ImplementationReport> ForPeriod(string periodId) => Reports("WHERE period_id = @periodId", new { periodId });

    public IReadOnlyList<UnitStatuses> Statuses(string periodId) =>
        db.Query<(string Unit, string Requirement, int Status)>(
                "SELECT unit_code, requirement_id, status FROM impl_reports WHERE period_id = @periodId ORDER BY unit_code, requirement_id", new { periodId })
            .GroupBy(r => r.Unit, StringComparer.Ordinal)
            .Select(g => new UnitStatuses(g.Key, g.ToDictionary(r => r.Requirement, r => (ImplementationStatus)r.Status, StringComparer.Ordinal)))
            .ToList();

    public void Save(ITransaction tx, ImplementationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        db.Execute(tx, """
            INSERT INTO impl_reports (id, period_id, unit_code, requirement_id, status, doc)
            VALUES (@Id, @PeriodId, @UnitCode, @RequirementId, @status, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET period_id = excluded.period_id, unit_code = excluded.unit_code,
                requirement_id = excluded.requirement_id, status = excluded.status, doc = excluded.doc
            """, new { report.Id, report.PeriodId, report.UnitCode, report.RequirementId, status = (int)report.Status, doc = Json.Write(report) });
    }

    public PeriodLock? Lock(string periodId) => Json.Read<PeriodLock>(db.One<string>("SELECT doc::text FROM impl_locks WHERE id = @periodId", new { periodId }));

    public void SaveLock(ITransaction tx, PeriodLock periodLock)
    {
        ArgumentNullException.ThrowIfNull(periodLock);
        db.Execute(tx, "INSERT INTO impl_locks (id, doc) VALUES (@Id, @doc::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            new { periodLock.Id, doc = Json.Write(periodLock) });
    }

    public bool DeleteLock(ITransaction tx, string periodId) => db.Execute(tx, "DELETE FROM impl_locks WHERE id = @periodId", new { periodId }) == 1;

    public ImplementationDraft? Draft(long userId) => Json.Read<ImplementationDraft>(db.One<string>("SELECT doc::text FROM impl_drafts WHERE user_id = @userId", new { userId }));

    public void SaveDraft(ITransaction tx, ImplementationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        db.Execute(tx, "INSERT INTO impl_drafts (user_id, doc) VALUES (@Id, @doc::jsonb) ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc",
            new { draft.Id, doc = Json.Write(draft) });
    }

    public void DeleteDraft(ITransaction tx, long userId) => db.Execute(tx, "DELETE FROM impl_drafts WHERE user_id = @userId", new { userId });

    private List<ImplementationReport> Reports(string where, object param) =>
        [.. db.Query<string>($"SELECT doc::text FROM impl_reports {where} ORDER BY id", param).Select(d => Json.Read<ImplementationReport>(d)!)];
}
