using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Registration;

/// <summary>The organisation tree in <c>units</c>; a sub-tree is a prefix range on the path (text_pattern_ops index).</summary>
internal sealed class PgUnits(PostgresStorage db) : IUnits
{
    private const string Columns = "code AS Code, name AS Name, parent_code AS ParentCode, path AS Path, invite_code AS InviteCode, search_key AS SearchKey, updated_at AS UpdatedAt";

    public Unit? Find(string? code) => string.IsNullOrEmpty(code) ? null : db.One<Unit>($"SELECT {Columns} FROM units WHERE code = @code", new { code });

    public Unit? FindByInvite(string invite) => db.One<Unit>($"SELECT {Columns} FROM units WHERE invite_code = @invite", new { invite });

    public IReadOnlyList<Unit> All() => db.Query<Unit>($"SELECT {Columns} FROM units ORDER BY path COLLATE \"C\"");

    public IReadOnlyList<Unit> SubTree(string code) => db.Query<Unit>($"""
        SELECT {Columns} FROM units
        WHERE path LIKE (SELECT replace(replace(replace(path, '\', '\\'), '%', '\%'), '_', '\_') || '%' FROM units WHERE code = @code)
        ORDER BY path COLLATE "C"
        """, new { code });

    public int Count() => db.One<int>("SELECT count(*)::int FROM units");

    public void SaveAll(ITransaction tx, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return;
        }

        // One statement for the whole import, however many units it holds.
        db.Execute(tx, """
            INSERT INTO units (code, name, parent_code, path, invite_code, search_key, updated_at)
            SELECT * FROM unnest(@codes, @names, @parents, @paths, @invites, @keys, @updated)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code, path = excluded.path,
                invite_code = excluded.invite_code, search_key = excluded.search_key, updated_at = excluded.updated_at
            """, new
        {
            codes = units.Select(u => u.Code).ToArray(),
            names = units.Select(u => u.Name).ToArray(),
            parents = units.Select(u => u.ParentCode).ToArray(),
            paths = units.Select(u => u.Path).ToArray(),
            invites = units.Select(u => u.InviteCode).ToArray(),
            keys = units.Select(u => u.SearchKey).ToArray(),
            updated = units.Select(u => Utc.Of(u.UpdatedAt)).ToArray(),
        });
    }
}
