using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Registration;

/// <summary>
/// The subscribers in <c>subscribers</c> (the dialogue's draft as jsonb), tombstones in <c>erased_subscribers</c>. No
/// in-memory copy and no counter rows: another instance may write any subscriber, and the members per unit are counted
/// from a partial index (see 0002_registration.sql), so they are always what is stored.
/// </summary>
internal sealed class PgSubscribers(PostgresStorage db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time) : ISubscribers
{
    private const string Columns = """
        id AS Id, language AS Language, status AS Status, paused AS Paused, full_name AS FullName,
        unit_code AS UnitCode, role AS Role, consent_at AS ConsentAt, consent_version AS ConsentVersion,
        registered_at AS RegisteredAt, updated_at AS UpdatedAt, conversation AS Conversation, draft::text AS Draft,
        roster_entry_id AS RosterEntryId, preferred_hour AS PreferredHour, channels AS Channels
        """;

    private const string TrackColumns =
        "id AS Id, language AS Language, status AS Status, paused AS Paused, unit_code AS UnitCode, role AS Role, registered_at AS RegisteredAt, preferred_hour AS PreferredHour";

    public Subscriber? Find(long userId) => db.One<Subscriber>($"SELECT {Columns} FROM subscribers WHERE id = @userId", new { userId });

    public void Save(ITransaction tx, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Write(tx, subscriber);
    }

    /// <summary>Stores the subscriber as it is, its <see cref="Subscriber.UpdatedAt"/> kept (migrate-store copies it).</summary>
    internal void Write(ITransaction tx, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        db.Execute(tx, """
            INSERT INTO subscribers (id, language, status, paused, full_name, unit_code, role, consent_at, consent_version,
                registered_at, updated_at, conversation, draft, roster_entry_id, preferred_hour, channels)
            VALUES (@Id, @Language, @Status, @Paused, @FullName, @UnitCode, @Role, @ConsentAt, @ConsentVersion,
                @RegisteredAt, @UpdatedAt, @Conversation, @Draft, @RosterEntryId, @PreferredHour, @Channels)
            ON CONFLICT (id) DO UPDATE SET language = excluded.language, status = excluded.status,
                paused = excluded.paused, full_name = excluded.full_name, unit_code = excluded.unit_code, role = excluded.role,
                consent_at = excluded.consent_at, consent_version = excluded.consent_version, registered_at = excluded.registered_at,
                updated_at = excluded.updated_at, conversation = excluded.conversation, draft = excluded.draft,
                roster_entry_id = excluded.roster_entry_id, preferred_hour = excluded.preferred_hour, channels = excluded.channels
            """, new
        {
            subscriber.Id,
            subscriber.Language,
            Status = subscriber.Status.ToString(),
            subscriber.Paused,
            subscriber.FullName,
            subscriber.UnitCode,
            Role = subscriber.Role?.ToString(),
            subscriber.ConsentAt,
            subscriber.ConsentVersion,
            subscriber.RegisteredAt,
            subscriber.UpdatedAt,
            subscriber.Conversation,
            subscriber.Draft,
            subscriber.RosterEntryId,
            subscriber.PreferredHour,
            Channels = (int)subscriber.Channels,
        });
    }

    public IEnumerable<Subscriber> Registered() => db.Query<Subscriber>($"SELECT {Columns} FROM subscribers WHERE registered_at IS NOT NULL ORDER BY id");

    public IEnumerable<Subscriber> InUnits(IReadOnlyCollection<string> unitCodes) =>
        db.Query<Subscriber>($"SELECT {Columns} FROM subscribers WHERE unit_code = ANY (@codes) AND registered_at IS NOT NULL ORDER BY id", new { codes = unitCodes.ToArray() });

    public IEnumerable<Subscriber> RegisteredForDelivery(IReadOnlyCollection<string>? unitCodes = null) =>
        db.Query<Subscriber>($"""
            SELECT id AS Id, language AS Language, status AS Status, paused AS Paused, unit_code AS UnitCode,
                role AS Role, registered_at AS RegisteredAt
            FROM subscribers WHERE registered_at IS NOT NULL {(unitCodes is null ? "" : "AND unit_code = ANY (@codes)")} ORDER BY id
            """, new { codes = unitCodes?.ToArray() ?? [] });

    public IReadOnlyList<Subscriber> ForTrack() =>
        db.Query<Subscriber>($"SELECT {TrackColumns} FROM subscribers WHERE status = 'Active' AND registered_at IS NOT NULL AND NOT paused ORDER BY id");

    public int Count() => db.One<int>("SELECT count(*)::int FROM subscribers");

    public bool SetStatus(ITransaction tx, long userId, SubscriberStatus status, SubscriberStatus? onlyFrom = null)
    {
        // Read in the transaction (the work's reads use it): what is decided on is what this transaction overwrites.
        var subscriber = Find(userId);
        if (subscriber is null || !subscriber.IsRegistered || (onlyFrom is { } from && subscriber.Status != from) || subscriber.Status == status)
        {
            return false;
        }

        subscriber.Status = status;
        Save(tx, subscriber);
        return true;
    }

    public bool Erase(ITransaction tx, long userId, ErasurePseudonyms pseudonyms)
    {
        var erased = db.Query<ErasedRow>(tx, "DELETE FROM subscribers WHERE id = @userId RETURNING unit_code AS UnitCode, role AS Role, registered_at AS RegisteredAt", new { userId });
        if (erased.Count == 0)
        {
            return false;
        }

        if (erased[0].RegisteredAt is not null)
        {
            db.Execute(tx, """
                INSERT INTO erased_subscribers (id, unit_code, role, registered_at, erased_at) VALUES (@pseudonym, @UnitCode, @Role, @RegisteredAt, @erasedAt)
                ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, role = excluded.role, registered_at = excluded.registered_at, erased_at = excluded.erased_at
                """, new { pseudonym = pseudonyms.Tombstone, erased[0].UnitCode, erased[0].Role, erased[0].RegisteredAt, erasedAt = time.GetUtcNow().UtcDateTime });
        }

        return true;
    }

    public IReadOnlyList<long> IdleSince(SubscriberStatus status, DateTime cutoff) =>
        db.Query<long>("SELECT id FROM subscribers WHERE status = @status AND updated_at < @cutoff ORDER BY id", new { status = status.ToString(), cutoff });

    public IEnumerable<ErasedSubscriber> Erased() =>
        db.Query<ErasedSubscriber>("SELECT id AS Id, unit_code AS UnitCode, role AS Role, registered_at AS RegisteredAt, erased_at AS ErasedAt FROM erased_subscribers ORDER BY id");

    // A unit's report counts its sub-tree's rows through the partial index on (unit_code, status), not the whole table.
    public IReadOnlyDictionary<string, MemberCount> CountsByUnit(IReadOnlyCollection<string>? unitCodes = null) =>
        db.Query<CountRow>($"""
            SELECT unit_code AS Unit, count(*)::int AS Registered, (count(*) FILTER (WHERE status = 'Active'))::int AS Active,
                (count(*) FILTER (WHERE status = 'Blocked'))::int AS Blocked, (count(*) FILTER (WHERE status = 'Stopped'))::int AS Stopped,
                (count(*) FILTER (WHERE use = 1))::int AS TelegramOnly, (count(*) FILTER (WHERE use = 2))::int AS ZaloOnly,
                (count(*) FILTER (WHERE use = 3))::int AS Both
            FROM (SELECT unit_code, status,
                    CASE WHEN channels <> 0 THEN channels WHEN id > 0 AND id < 4503599627370496 THEN 1 ELSE 2 END AS use
                  FROM subscribers WHERE registered_at IS NOT NULL AND unit_code IS NOT NULL {(unitCodes is null ? "" : "AND unit_code = ANY (@codes)")}) s
            GROUP BY unit_code
            """, new { codes = unitCodes?.ToArray() ?? [] }).ToDictionary(r => r.Unit, r => new MemberCount(r.Registered, r.Active, r.Blocked, r.Stopped, r.TelegramOnly, r.ZaloOnly, r.Both), StringComparer.Ordinal);

    // The counts are a query over what is stored: there is nothing kept to rebuild.
    public void RebuildCounts(ITransaction tx) => PgTransaction.Of(tx, db);

    private sealed record ErasedRow(string? UnitCode, string? Role, DateTime? RegisteredAt);

    // 4503599627370496 = 2^52, PersonIds.TelegramLimit: a smaller positive id is a Telegram user's (ChannelUses.Effective).
    private sealed record CountRow(string Unit, int Registered, int Active, int Blocked, int Stopped, int TelegramOnly, int ZaloOnly, int Both);
}
