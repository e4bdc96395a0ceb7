using Directive920Bot.Reports;

namespace Directive920Bot.Storage.Postgres.Reports;

/// <summary>The nudge marks: the primary key decides, <c>ON CONFLICT DO NOTHING</c> says whether this one was first.</summary>
internal sealed class PgNudgeMarks(PostgresStorage db) : INudgeMarks
{
    public bool TryAdd(ITransaction tx, NudgeMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return db.Execute(tx, "INSERT INTO report_nudges (id, actor, at) VALUES (@Id, @Actor, @At) ON CONFLICT (id) DO NOTHING", mark) == 1;
    }
}
