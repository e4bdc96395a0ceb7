using Npgsql;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres;

/// <summary>Binary <c>COPY … FROM STDIN</c> into a table in the caller's transaction (one round trip for many rows).</summary>
internal static class PgCopy
{
    public static void Import<T>(PostgresStorage db, ITransaction tx, string tableAndColumns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> row)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(row);
        var connection = PostgresStorage.ConnectionOf(tx, db);
        try
        {
            using var writer = connection.BeginBinaryImport($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)");
            foreach (var value in rows)
            {
                writer.StartRow();
                row(writer, value);
            }

            writer.Complete();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateKeyException($"A row of this copy is stored already ({ex.ConstraintName}).", ex);
        }
    }

    public static void Text(this NpgsqlBinaryImporter writer, string? value)
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

    public static void Json(this NpgsqlBinaryImporter writer, string value) => writer.Write(value, NpgsqlDbType.Jsonb);

    public static void Instant(this NpgsqlBinaryImporter writer, DateTime? value)
    {
        if (value is { } at)
        {
            writer.Write(Utc.Of(at), NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>After rows were copied with their ids: the table's identity goes on from the highest one.</summary>
    public static void ContinueIdentity(PostgresStorage db, ITransaction tx, string table) =>
        db.Execute(tx, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} HAVING max(id) IS NOT NULL");
}
