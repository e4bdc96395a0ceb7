using System.Text.Json;
using Dapper;
using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>
/// The inbox in <c>inbox_batches</c> + <c>inbox_updates</c> (one row per update, unique by update id, so an update that
/// reaches two instances is stored once) and the cursors in <c>inbox_cursors</c> (the seen ranges as jsonb).
/// </summary>
internal sealed class PgInboxStore(PostgresStorage db) : IInboxStore
{
    public IReadOnlyList<StoredUpdateBatch> Batches() => db.Read((connection, transaction) =>
    {
        var batches = connection.Query<StoredUpdateBatch>("SELECT id AS Id, received_at AS ReceivedAt FROM inbox_batches ORDER BY id", transaction: transaction)
            .ToDictionary(b => b.Id);
        foreach (var row in connection.Query<UpdateRow>(
            "SELECT batch_id AS BatchId, update_id AS Id, json AS Json, chat_key AS ChatKey, received_at AS ReceivedAt FROM inbox_updates ORDER BY batch_id, update_id",
            transaction: transaction))
        {
            batches[row.BatchId].Updates.Add(new StoredUpdate { Id = row.Id, Json = row.Json, ChatKey = row.ChatKey, ReceivedAt = row.ReceivedAt });
        }

        return (IReadOnlyList<StoredUpdateBatch>)[.. batches.Values.OrderBy(b => b.Id)];
    });

    public InboxCursor? ReadCursor(string channel) =>
        db.One<CursorRow>("SELECT \"offset\" AS Offset, seen::text AS Seen FROM inbox_cursors WHERE channel = @channel", new { channel }) is { } row
            ? new InboxCursor(row.Offset, JsonSerializer.Deserialize<List<SeenRange>>(row.Seen) ?? [])
            : null;

    public void Accept(ITransaction tx, string channel, StoredUpdateBatch? batch, InboxCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (batch is not null)
        {
            db.Execute(tx, "INSERT INTO inbox_batches (id, received_at) VALUES (@Id, @ReceivedAt)", new { batch.Id, batch.ReceivedAt });
            // One statement for the whole batch; an update id already pending (another instance took it) is skipped.
            db.Execute(tx, """
                INSERT INTO inbox_updates (update_id, batch_id, json, chat_key, received_at)
                SELECT u.id, @batch, u.json, u.chat_key, u.received_at
                FROM unnest(@ids, @jsons, @keys, @ats) AS u (id, json, chat_key, received_at)
                ON CONFLICT (update_id) DO NOTHING
                """, new
            {
                batch = batch.Id,
                ids = batch.Updates.Select(u => u.Id).ToArray(),
                jsons = batch.Updates.Select(u => u.Json).ToArray(),
                keys = batch.Updates.Select(u => u.ChatKey).ToArray(),
                ats = batch.Updates.Select(u => Utc.Of(u.ReceivedAt)).ToArray(),
            });
        }

        db.Execute(tx, """
            INSERT INTO inbox_cursors (channel, "offset", seen) VALUES (@channel, @offset, @seen::jsonb)
            ON CONFLICT (channel) DO UPDATE SET "offset" = excluded."offset", seen = excluded.seen
            """, new { channel, offset = cursor.Offset, seen = JsonSerializer.Serialize(cursor.Seen) });
    }

    public void DeleteBatch(ITransaction tx, long batchId) => db.Execute(tx, "DELETE FROM inbox_batches WHERE id = @batchId", new { batchId });

    public bool TryAcceptKeyed(ITransaction tx, KeyedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Id = KeyedUpdate.IdFor(update.Channel, update.Key);
        // The primary key decides: a redelivery (to any instance) inserts nothing and is reported as a duplicate.
        return db.Execute(tx, """
            INSERT INTO inbox_keyed (channel, key, json, chat_id, received_at) VALUES (@Channel, @Key, @Json, @ChatId, @ReceivedAt)
            ON CONFLICT (channel, key) DO NOTHING
            """, new { update.Channel, update.Key, update.Json, update.ChatId, ReceivedAt = Utc.Of(update.ReceivedAt) }) == 1;
    }

    public IReadOnlyList<KeyedUpdate> PendingKeyed(string channel) => db.Query<KeyedRow>("""
        SELECT channel AS Channel, key AS Key, json AS Json, chat_id AS ChatId, received_at AS ReceivedAt
        FROM inbox_keyed WHERE channel = @channel AND NOT handled ORDER BY received_at, key
        """, new { channel })
        .Select(r => new KeyedUpdate { Id = KeyedUpdate.IdFor(r.Channel, r.Key), Channel = r.Channel, Key = r.Key, Json = r.Json, ChatId = r.ChatId, ReceivedAt = r.ReceivedAt })
        .ToList();

    // The message itself is not kept once handled: only its key, for deduplication.
    public void MarkKeyedHandled(ITransaction tx, string channel, string key) =>
        db.Execute(tx, "UPDATE inbox_keyed SET handled = true, json = '' WHERE channel = @channel AND key = @key", new { channel, key });

    public int ForgetKeyed(ITransaction tx, string channel, DateTime before) =>
        db.Execute(tx, "DELETE FROM inbox_keyed WHERE channel = @channel AND handled AND received_at < @before", new { channel, before = Utc.Of(before) });

    private sealed record KeyedRow(string Channel, string Key, string Json, string ChatId, DateTime ReceivedAt);

    private sealed record UpdateRow(long BatchId, int Id, string Json, long ChatKey, DateTime ReceivedAt);

    private sealed record CursorRow(int Offset, string Seen);
}
