using Directive920Bot.Registration;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres.Registration;

/// <summary>Registration's sections on PostgreSQL: units in one statement, subscribers by COPY (kept as they are), tombstones.</summary>
internal static class PgRegistrationCopy
{
    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        var units = (PgUnits)services.GetRequiredService<IUnits>();
        yield return PgCopySection.Batched<Unit>(db, "units", units.SaveAll);
        yield return PgCopySection.Batched<Subscriber>(db, "subscribers", (tx, batch) => PgCopy.Import(db, tx, """
            subscribers (id, language, status, paused, full_name, unit_code, role, consent_at, consent_version, registered_at,
                updated_at, conversation, draft, roster_entry_id, preferred_hour, channels)
            """, batch, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Bigint);
            w.Write(s.Language, NpgsqlDbType.Text);
            w.Write(s.Status.ToString(), NpgsqlDbType.Text);
            w.Write(s.Paused, NpgsqlDbType.Boolean);
            w.Text(s.FullName);
            w.Text(s.UnitCode);
            w.Text(s.Role?.ToString());
            w.Instant(s.ConsentAt);
            w.Write(s.ConsentVersion, NpgsqlDbType.Text);
            w.Instant(s.RegisteredAt);
            w.Instant(s.UpdatedAt);
            w.Text(s.Conversation);
            if (s.Draft is null)
            {
                w.WriteNull();
            }
            else
            {
                // The same JSON as the store's own Dapper handler writes (DapperSetup).
                w.Json(System.Text.Json.JsonSerializer.Serialize(s.Draft));
            }

            if (s.RosterEntryId is { } roster)
            {
                w.Write(roster, NpgsqlDbType.Integer);
            }
            else
            {
                w.WriteNull();
            }

            if (s.PreferredHour is { } hour)
            {
                w.Write(hour, NpgsqlDbType.Integer);
            }
            else
            {
                w.WriteNull();
            }

            w.Write((int)s.Channels, NpgsqlDbType.Integer);
        }));
        yield return PgCopySection.Table<ErasedSubscriber>(db, "erased_subscribers", (tx, e) => db.Execute(tx,
            "INSERT INTO erased_subscribers (id, unit_code, role, registered_at, erased_at) VALUES (@Id, @UnitCode, @Role, @RegisteredAt, @ErasedAt)",
            new { e.Id, e.UnitCode, Role = e.Role?.ToString(), RegisteredAt = Utc.Of(e.RegisteredAt), ErasedAt = Utc.Of(e.ErasedAt) }));
    }
}
