using System.Text.Json;
using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>
/// Channels' sections on PostgreSQL: the directory (and its sequence moved past every id the source handed out), button
/// keys, the inbox (batches with their updates, keyed updates, cursors), offered choices.
/// </summary>
internal static class PgChannelsCopy
{
    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        yield return PgCopySection.Batched<StoredAddress>(db, "person_addresses", (tx, batch) => db.Execute(tx, """
            INSERT INTO person_addresses (address, person_id, channel, preferred) SELECT * FROM unnest(@addresses, @persons, @channels, @preferred)
            """, new
        {
            addresses = batch.Select(a => a.Address).ToArray(),
            persons = batch.Select(a => a.PersonId).ToArray(),
            channels = batch.Select(a => a.Channel).ToArray(),
            preferred = batch.Select(a => a.Preferred).ToArray(),
        }));

        // The next id the source would allocate: the sequence hands out nothing below it (an erased person's id stays unused).
        long expectedNext = 0;
        yield return new PgCopySection("person_ids", (tx, records) =>
        {
            foreach (var next in records.Cast<StoredValue>().Select(v => (long)v.Value))
            {
                expectedNext = next;
                if (next > PersonIds.FirstAllocated)
                {
                    db.Execute(tx, "SELECT setval('person_ids', @last)", new { last = next - 1 });
                }
            }
        }, () => expectedNext == 0 ? 0 : db.One<long>("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM person_ids") >= expectedNext ? 1 : 0);

        var keys = (PgCallbackKeyRecords)services.GetRequiredService<ICallbackKeyRecords>();
        yield return PgCopySection.Table<CallbackKey>(db, "callback_keys", keys.Insert);
        yield return PgCopySection.Table<StoredUpdateBatch>(db, "inbox_batches", (tx, batch) =>
        {
            // Without an owner (the copied batches are nobody's: the first instance takes them); the sequence moves past
            // the copied ids so that the service's next batch does not collide with one.
            db.Execute(tx, "INSERT INTO inbox_batches (id, received_at) VALUES (@Id, @ReceivedAt)", new { batch.Id, ReceivedAt = Utc.Of(batch.ReceivedAt) });
            db.Execute(tx, "SELECT setval('inbox_batch_ids', GREATEST(@Id, (SELECT last_value FROM inbox_batch_ids)))", new { batch.Id });
            db.Execute(tx, """
                INSERT INTO inbox_updates (update_id, batch_id, json, chat_key, received_at)
                SELECT u.id, @batch, u.json, u.chat_key, u.received_at FROM unnest(@ids, @jsons, @keys, @ats) AS u (id, json, chat_key, received_at)
                """, new
            {
                batch = batch.Id,
                ids = batch.Updates.Select(u => u.Id).ToArray(),
                jsons = batch.Updates.Select(u => u.Json).ToArray(),
                keys = batch.Updates.Select(u => u.ChatKey).ToArray(),
                ats = batch.Updates.Select(u => Utc.Of(u.ReceivedAt)).ToArray(),
            });
        });
        yield return PgCopySection.Table<StoredValue>(db, "inbox_cursors", (tx, cursor) => db.Execute(tx,
            "INSERT INTO inbox_cursors (channel, \"offset\", seen) VALUES (@channel, @offset, @seen::jsonb)",
            new { channel = cursor.Key, offset = ((InboxCursor)cursor.Value).Offset, seen = JsonSerializer.Serialize(((InboxCursor)cursor.Value).Seen) }));
        yield return PgCopySection.Table<KeyedUpdate>(db, "inbox_keyed", (tx, update) => db.Execute(tx,
            "INSERT INTO inbox_keyed (channel, key, json, chat_id, received_at, handled) VALUES (@Channel, @Key, @Json, @ChatId, @ReceivedAt, @Handled)",
            new { update.Channel, update.Key, Json = update.Handled ? "" : update.Json, update.ChatId, ReceivedAt = Utc.Of(update.ReceivedAt), update.Handled }));
        var offers = (PgOfferedChoicesStore)services.GetRequiredService<IOfferedChoicesStore>();
        yield return PgCopySection.Table<OfferedChoices>(db, "offered_choices", offers.Offer);
    }
}
