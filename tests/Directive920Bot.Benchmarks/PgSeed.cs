using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Npgsql;
using NpgsqlTypes;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// A benchmark-only bulk seeder for PostgreSQL: binary <c>COPY</c> into <c>subscribers</c> and <c>roster</c> with
/// exactly the columns <c>PgSubscribers.Save</c> and <c>PgRoster.Save</c> write (the same value for each field: enum
/// names, UTC timestamps, channels 0 as a row saved before the channel column), then <c>VACUUM (ANALYZE)</c> as autovacuum
/// would after a load. One COPY per table instead of a statement per person: a million people take seconds, not an hour.
/// The member counts need no rebuild on this provider (they are a query over the rows).
/// </summary>
internal static class PgSeed
{
    public static void Subscribers(string connectionString, IEnumerable<Subscriber> people)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var writer = connection.BeginBinaryImport("""
            COPY subscribers (id, language, status, paused, full_name, unit_code, role, consent_at, consent_version,
                registered_at, updated_at, conversation, draft, roster_entry_id, preferred_hour, channels) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var s in people)
            {
                writer.StartRow();
                writer.Write(s.Id, NpgsqlDbType.Bigint);
                writer.Write(s.Language, NpgsqlDbType.Text);
                writer.Write(s.Status.ToString(), NpgsqlDbType.Text);
                writer.Write(s.Paused, NpgsqlDbType.Boolean);
                Text(writer, s.FullName);
                Text(writer, s.UnitCode);
                Text(writer, s.Role?.ToString());
                writer.Write(Utc(s.ConsentAt), NpgsqlDbType.TimestampTz);
                writer.Write(s.ConsentVersion, NpgsqlDbType.Text);
                if (s.RegisteredAt is { } registered)
                {
                    writer.Write(Utc(registered), NpgsqlDbType.TimestampTz);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(Utc(s.UpdatedAt == default ? s.ConsentAt : s.UpdatedAt), NpgsqlDbType.TimestampTz);
                Text(writer, s.Conversation);
                writer.WriteNull(); // draft: none after registration
                writer.WriteNull(); // roster_entry_id
                writer.WriteNull(); // preferred_hour
                writer.Write((int)s.Channels, NpgsqlDbType.Integer);
            }

            writer.Complete();
        }

        Analyze(connection, "subscribers");
    }

    public static void Roster(string connectionString, IEnumerable<RosterEntry> entries)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var writer = connection.BeginBinaryImport("""
            COPY roster (key, full_name, name_key, unit_code, role, position, phone, party_member, invite_code, subscriber_id, current, updated_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var e in entries)
            {
                writer.StartRow();
                writer.Write(e.Key, NpgsqlDbType.Text);
                writer.Write(e.FullName, NpgsqlDbType.Text);
                writer.Write(e.NameKey, NpgsqlDbType.Text);
                writer.Write(e.UnitCode, NpgsqlDbType.Text);
                writer.Write(e.Role.ToString(), NpgsqlDbType.Text);
                Text(writer, e.Position);
                Text(writer, e.Phone);
                writer.Write(e.PartyMember, NpgsqlDbType.Boolean);
                writer.Write(e.InviteCode, NpgsqlDbType.Text);
                if (e.SubscriberId is { } id)
                {
                    writer.Write(id, NpgsqlDbType.Bigint);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(e.Current, NpgsqlDbType.Boolean);
                writer.Write(Utc(e.UpdatedAt), NpgsqlDbType.TimestampTz);
            }

            writer.Complete();
        }

        Analyze(connection, "roster");
    }

    // VACUUM as well as ANALYZE: autovacuum vacuums an insert-only table soon after a load (PostgreSQL 13+), which sets
    // the visibility map; without it every index-only scan (the member counts) would still visit the heap, as no
    // service that has run for a minute does, and autovacuum would start in the middle of a measurement.
    private static void Analyze(NpgsqlConnection connection, string table)
    {
        using var analyze = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
        analyze.ExecuteNonQuery();
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static void Text(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
