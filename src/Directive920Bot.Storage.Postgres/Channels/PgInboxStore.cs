using System.Text.Json;
using Dapper;
using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>
/// The inbox in <c>inbox_batches</c> + <c>inbox_updates</c> (one row per update, unique by update id, so an update that
/// reaches two instances is stored once) and the cursors in <c>inbox_cursors</c> (the seen ranges as jsonb, merged under
/// the row's lock). Batch ids come from a sequence; each batch names its owner instance and a lease on the server's clock.
/// </summary>
internal sealed class PgInboxStore(PostgresStorage db) : IInboxStore
{
    public IReadOnlyList<StoredUpdateBatch> Batches() => db.Read((connection, transaction) =>
    {
        var batches = connection.Query<StoredUpdateBatch>("SELECT id AS Id, received_at AS ReceivedAt, owner AS Owner FROM inbox_batches ORDER BY id", transaction: transaction)
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

    public StoredUpdateBatch? Accept(ITransaction tx, InboxArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        // The cursor row is locked for the rest of the transaction: instances accepting at once merge their seen ranges
        // one after the other instead of writing over each other's.
        db.Execute(tx, "INSERT INTO inbox_cursors (channel, \"offset\", seen) VALUES (@channel, 0, '[]') ON CONFLICT (channel) DO NOTHING", new { channel = arrival.Channel });
        var row = db.Query<CursorRow>(tx, "SELECT \"offset\" AS Offset, seen::text AS Seen FROM inbox_cursors WHERE channel = @channel FOR UPDATE", new { channel = arrival.Channel }).Single();
        var (fresh, cursor) = arrival.Sift(new InboxCursor(row.Offset, JsonSerializer.Deserialize<List<SeenRange>>(row.Seen) ?? []));
        db.Execute(tx, "UPDATE inbox_cursors SET \"offset\" = @offset, seen = @seen::jsonb WHERE channel = @channel",
            new { channel = arrival.Channel, offset = cursor.Offset, seen = JsonSerializer.Serialize(cursor.Seen) });
        if (fresh.Count == 0)
        {
            return null;
        }

        var at = Utc.Of(arrival.ReceivedAt);
        var id = db.Query<long>(tx, "INSERT INTO inbox_batches (received_at, owner, lease_until) VALUES (@at, @owner, clock_timestamp() + @lease) RETURNING id",
            new { at, owner = arrival.Owner, lease = arrival.Lease }).Single();
        // One statement for the whole batch. An update id still pending in another batch (stored by another instance
        // before the seen ranges knew it, say by a copy) is skipped, and RETURNING says what this batch really holds.
        var stored = db.Query<int>(tx, """
            INSERT INTO inbox_updates (update_id, batch_id, json, chat_key, received_at)
            SELECT u.id, @batch, u.json, u.chat_key, u.received_at
            FROM unnest(@ids, @jsons, @keys, @ats) AS u (id, json, chat_key, received_at)
            ON CONFLICT (update_id) DO NOTHING
            RETURNING update_id
            """, new
        {
            batch = id,
            ids = fresh.Select(u => u.Id).ToArray(),
            jsons = fresh.Select(u => u.Json).ToArray(),
            keys = fresh.Select(u => u.ChatKey).ToArray(),
            ats = fresh.Select(u => Utc.Of(u.ReceivedAt)).ToArray(),
        }).ToHashSet();
        if (stored.Count == 0)
        {
            db.Execute(tx, "DELETE FROM inbox_batches WHERE id = @id", new { id });
            return null;
        }

        return new StoredUpdateBatch { Id = id, ReceivedAt = arrival.ReceivedAt, Owner = arrival.Owner, Updates = [.. fresh.Where(u => stored.Contains(u.Id))] };
    }

    public IReadOnlyList<StoredUpdateBatch> Claim(ITransaction tx, string owner, TimeSpan lease)
    {
        // SKIP LOCKED: two instances claiming at once split the batches between them instead of waiting for each other.
        var batches = db.Query<StoredUpdateBatch>(tx, """
            UPDATE inbox_batches SET owner = @owner, lease_until = clock_timestamp() + @lease
            WHERE id IN (SELECT id FROM inbox_batches WHERE owner <> @owner AND lease_until < clock_timestamp() ORDER BY id FOR UPDATE SKIP LOCKED)
            RETURNING id AS Id, received_at AS ReceivedAt, owner AS Owner
            """, new { owner, lease }).ToDictionary(b => b.Id);
        if (batches.Count == 0)
        {
            return [];
        }

        foreach (var row in db.Query<UpdateRow>(tx, """
            SELECT batch_id AS BatchId, update_id AS Id, json AS Json, chat_key AS ChatKey, received_at AS ReceivedAt
            FROM inbox_updates WHERE batch_id = ANY(@ids) ORDER BY batch_id, update_id
            """, new { ids = batches.Keys.ToArray() }))
        {
            batches[row.BatchId].Updates.Add(new StoredUpdate { Id = row.Id, Json = row.Json, ChatKey = row.ChatKey, ReceivedAt = row.ReceivedAt });
        }

        return [.. batches.Values.OrderBy(b => b.Id)];
    }

    public bool AnyToClaim(string owner) =>
        db.One<bool>("SELECT EXISTS (SELECT 1 FROM inbox_batches WHERE owner <> @owner AND lease_until < clock_timestamp())", new { owner });

    public bool LeasesBatches => true;

    public void Renew(ITransaction tx, string owner, TimeSpan lease) =>
        db.Execute(tx, "UPDATE inbox_batches SET lease_until = clock_timestamp() + @lease WHERE owner = @owner", new { owner, lease });

    public void Release(ITransaction tx, string owner) =>
        db.Execute(tx, "UPDATE inbox_batches SET lease_until = '-infinity' WHERE owner = @owner", new { owner });

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
