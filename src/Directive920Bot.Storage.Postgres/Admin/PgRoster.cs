using Directive920Bot.Admin;

namespace Directive920Bot.Storage.Postgres.Admin;

/// <summary>The member rosters in <c>roster</c>; current members per unit are counted from a partial index.</summary>
internal sealed class PgRoster(PostgresStorage db) : IRoster
{
    private const string Columns = """
        id AS Id, key AS Key, full_name AS FullName, name_key AS NameKey, unit_code AS UnitCode, role AS Role, position AS Position,
        phone AS Phone, party_member AS PartyMember, invite_code AS InviteCode, subscriber_id AS SubscriberId, current AS Current, updated_at AS UpdatedAt
        """;

    public RosterEntry? Find(int id) => db.One<RosterEntry>($"SELECT {Columns} FROM roster WHERE id = @id", new { id });

    public RosterEntry? FindByInvite(string code) => db.One<RosterEntry>($"SELECT {Columns} FROM roster WHERE invite_code = @code", new { code });

    public RosterEntry? ForSubscriber(long subscriberId) =>
        db.One<RosterEntry>($"SELECT {Columns} FROM roster WHERE subscriber_id = @subscriberId ORDER BY id LIMIT 1", new { subscriberId });

    public IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes) =>
        db.Query<RosterEntry>($"SELECT {Columns} FROM roster WHERE unit_code = ANY (@codes) AND current ORDER BY id", new { codes = unitCodes.ToArray() });

    public IReadOnlyList<RosterEntry> All() => db.Query<RosterEntry>($"SELECT {Columns} FROM roster ORDER BY id");

    public void Save(ITransaction tx, RosterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = new
        {
            entry.Id,
            entry.Key,
            entry.FullName,
            entry.NameKey,
            entry.UnitCode,
            Role = entry.Role.ToString(),
            entry.Position,
            entry.Phone,
            entry.PartyMember,
            entry.InviteCode,
            entry.SubscriberId,
            entry.Current,
            entry.UpdatedAt,
        };
        if (entry.Id == 0)
        {
            entry.Id = db.Query<int>(tx, """
                INSERT INTO roster (key, full_name, name_key, unit_code, role, position, phone, party_member, invite_code, subscriber_id, current, updated_at)
                VALUES (@Key, @FullName, @NameKey, @UnitCode, @Role, @Position, @Phone, @PartyMember, @InviteCode, @SubscriberId, @Current, @UpdatedAt)
                RETURNING id
                """, values)[0];
            return;
        }

        db.Execute(tx, """
            INSERT INTO roster (id, key, full_name, name_key, unit_code, role, position, phone, party_member, invite_code, subscriber_id, current, updated_at)
            VALUES (@Id, @Key, @FullName, @NameKey, @UnitCode, @Role, @Position, @Phone, @PartyMember, @InviteCode, @SubscriberId, @Current, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET key = excluded.key, full_name = excluded.full_name, name_key = excluded.name_key,
                unit_code = excluded.unit_code, role = excluded.role, position = excluded.position, phone = excluded.phone,
                party_member = excluded.party_member, invite_code = excluded.invite_code, subscriber_id = excluded.subscriber_id,
                current = excluded.current, updated_at = excluded.updated_at
            """, values);
    }

    public void SaveAll(ITransaction tx, IEnumerable<RosterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Save(tx, entry);
        }
    }

    public IReadOnlyDictionary<string, int> CurrentByUnit(IReadOnlyCollection<string>? unitCodes = null) =>
        db.Query<(string Unit, int Count)>(
                $"SELECT unit_code, count(*)::int FROM roster WHERE current {(unitCodes is null ? "" : "AND unit_code = ANY (@codes)")} GROUP BY unit_code",
                new { codes = unitCodes?.ToArray() ?? [] })
            .ToDictionary(r => r.Unit, r => r.Count, StringComparer.Ordinal);

    // The counts are a query over what is stored: there is nothing kept to rebuild.
    public void RebuildCounts(ITransaction tx) => PgTransaction.Of(tx, db);

    // Retention: retired entries linked to nobody (a linked one is the person's and goes with their erasure).
    public int CountRetiredBefore(DateTime cutoff) =>
        db.One<int>("SELECT count(*)::int FROM roster WHERE NOT current AND subscriber_id IS NULL AND updated_at < @cutoff", new { cutoff = Utc.Of(cutoff) });

    public int DeleteRetiredBefore(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM roster WHERE NOT current AND subscriber_id IS NULL AND updated_at < @cutoff", new { cutoff = Utc.Of(cutoff) });
}
