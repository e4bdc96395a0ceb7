using Directive920Bot.Admin;

namespace Directive920Bot.Storage.Postgres.Admin;

/// <summary>
/// Admin's sections on PostgreSQL, with their ids: a subscriber names their roster line by id, and the audit log's
/// order is its ids'; each identity then goes on from the highest id copied.
/// </summary>
internal static class PgAdminCopy
{
    public static IEnumerable<PgCopySection> Sections(PostgresStorage db)
    {
        yield return WithIds<RoleAssignment>(db, "roles", (tx, r) => db.Execute(tx,
            "INSERT INTO roles (id, user_id, role, unit_code, granted_by, granted_at) VALUES (@Id, @UserId, @Role, @UnitCode, @GrantedBy, @GrantedAt)",
            new { r.Id, r.UserId, Role = r.Role.ToString(), r.UnitCode, r.GrantedBy, GrantedAt = Utc.Of(r.GrantedAt) }));
        var roster = new PgRoster(db);
        yield return WithIds<RosterEntry>(db, "roster", roster.Save);
        yield return WithIds<AuditEntry>(db, "audit", (tx, a) => db.Execute(tx,
            "INSERT INTO audit (id, at, actor, action, target, details) VALUES (@Id, @At, @Actor, @Action, @Target, @Details)",
            new { a.Id, At = Utc.Of(a.At), a.Actor, a.Action, a.Target, a.Details }));
    }

    private static PgCopySection WithIds<T>(PostgresStorage db, string table, Action<ITransaction, T> write)
    {
        var rows = PgCopySection.Table(db, table, write);
        return rows with
        {
            Write = (tx, records) =>
            {
                rows.Write(tx, records);
                PgCopy.ContinueIdentity(db, tx, table);
            },
        };
    }
}
