using Directive920Bot.Admin;

namespace Directive920Bot.Storage.Postgres.Admin;

/// <summary>
/// The granted roles in <c>roles</c>. Every update asks for its sender's: an index lookup, not an in-memory snapshot,
/// so a grant or a revocation on another instance counts at once.
/// </summary>
internal sealed class PgRoles(PostgresStorage db) : IRoles
{
    private const string Columns = "id AS Id, user_id AS UserId, role AS Role, unit_code AS UnitCode, granted_by AS GrantedBy, granted_at AS GrantedAt";

    public IReadOnlyList<RoleAssignment> For(long userId) => db.Query<RoleAssignment>($"SELECT {Columns} FROM roles WHERE user_id = @userId ORDER BY id", new { userId });

    public IReadOnlyList<RoleAssignment> All() => db.Query<RoleAssignment>($"SELECT {Columns} FROM roles ORDER BY id");

    public void Add(ITransaction tx, RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        assignment.Id = db.Query<int>(tx, """
            INSERT INTO roles (user_id, role, unit_code, granted_by, granted_at) VALUES (@UserId, @Role, @UnitCode, @GrantedBy, @GrantedAt) RETURNING id
            """, new { assignment.UserId, Role = assignment.Role.ToString(), assignment.UnitCode, assignment.GrantedBy, assignment.GrantedAt })[0];
    }

    public int Remove(ITransaction tx, long userId, AdminRole role, string? unitCode) =>
        db.Execute(tx, "DELETE FROM roles WHERE user_id = @userId AND role = @role AND unit_code IS NOT DISTINCT FROM @unitCode", new { userId, role = role.ToString(), unitCode });

    public int RemoveAll(ITransaction tx, long userId) => db.Execute(tx, "DELETE FROM roles WHERE user_id = @userId", new { userId });
}
