using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Channels;
using Directive920Bot.Storage.LiteDb.Channels;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Types;

namespace Directive920Bot.Tests.Telegram;

/// <summary>
/// The inbox stores each received batch as one document, forgets it once every update in it is handled, hands out
/// what a crash left unfinished, and refuses an update_id it has seen lately, across restarts.
/// </summary>
public sealed class InboxBatchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-inbox-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string DatabasePath => Path.Combine(folder, "bot.db");

    private (Database Db, UpdateInbox Inbox) Open()
    {
        var db = new Database(DatabasePath, Mapper.Create(), [LiteDbInboxStore.Schema], TimeProvider.System);
        return (db, new UpdateInbox(new LiteDbInboxStore(db), db, clock, Microsoft.Extensions.Options.Options.Create(new TelegramOptions()), NullLogger<UpdateInbox>.Instance));
    }

    private static Update Text(int updateId, long chatId, string text) =>
        new() { Id = updateId, Message = new Message { Id = updateId, Chat = new Chat { Id = chatId, Type = global::Telegram.Bot.Types.Enums.ChatType.Private }, Text = text, Date = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc) } };

    private static int StoredBatches(Database db) => db.Lite.GetCollection(LiteDbInboxStore.CollectionName).Count();

    [Fact]
    public async Task A_received_batch_is_one_document_forgotten_when_its_last_update_is_handled()
    {
        var (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            var entries = await inbox.AcceptAsync([Text(10, 1, "a"), Text(11, 2, "b"), Text(12, 1, "c")]);

            Assert.Equal([10, 11, 12], entries.Select(e => e.Id));
            Assert.Equal(1, StoredBatches(db));
            await inbox.MarkDoneAsync(entries[0]);
            await inbox.MarkDoneAsync(entries[2]);
            Assert.Equal(1, StoredBatches(db));
            Assert.Equal([11], inbox.Pending().Select(e => e.Id));

            await inbox.MarkDoneAsync(entries[1]);

            Assert.Equal(0, StoredBatches(db));
            Assert.Empty(inbox.Pending());
            Assert.Equal(13, inbox.ReadOffset());
        }
    }

    [Fact]
    public async Task After_a_crash_the_unfinished_batch_is_handed_out_again_in_order_and_new_batches_follow_it()
    {
        var (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            var entries = await inbox.AcceptAsync([Text(20, 1, "a"), Text(21, 2, "b")]);
            await inbox.MarkDoneAsync(entries[0]);
        }

        (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            // Handled updates are not recorded one by one: the whole unfinished batch comes back (handlers are idempotent).
            var recovered = await inbox.RecoverAsync();
            Assert.Equal([20, 21], recovered.Select(e => e.Id));
            Assert.Equal("b", UpdateInbox.Deserialize(recovered[1]).Message!.Text);

            var later = await inbox.AcceptAsync([Text(22, 1, "c")]);
            Assert.Equal(2, StoredBatches(db));
            Assert.True(later[0].BatchId > recovered[0].BatchId);
            Assert.Equal([20, 21, 22], inbox.Pending().Select(e => e.Id));
            // Taken over once: this run owns them now, and nothing is left for another claim.
            Assert.Empty(await inbox.RecoverAsync());
            foreach (var entry in recovered.Concat(later))
            {
                await inbox.MarkDoneAsync(entry);
            }

            Assert.Equal(0, StoredBatches(db));
        }
    }

    [Fact]
    public async Task An_update_id_seen_before_is_refused_even_after_a_restart()
    {
        var (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            foreach (var entry in await inbox.AcceptAsync([Text(30, 1, "a"), Text(31, 1, "b"), Text(40, 1, "gap")]))
            {
                await inbox.MarkDoneAsync(entry);
            }
        }

        (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            var accepted = await inbox.AcceptAsync([Text(31, 1, "b"), Text(40, 1, "gap"), Text(41, 1, "new"), Text(41, 1, "new")]);

            Assert.Equal([41], accepted.Select(e => e.Id));
            Assert.Equal(42, inbox.ReadOffset());
        }
    }

    [Fact]
    public async Task Update_ids_are_forgotten_after_a_week_because_Telegram_numbers_afresh_after_a_quiet_week()
    {
        var (db, inbox) = Open();
        using (db)
        using (inbox)
        {
            foreach (var entry in await inbox.AcceptAsync([Text(50, 1, "a")]))
            {
                await inbox.MarkDoneAsync(entry);
            }

            clock.Advance(TimeSpan.FromDays(6));
            Assert.Empty(await inbox.AcceptAsync([Text(50, 1, "a")]));
            clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

            Assert.Equal([50], (await inbox.AcceptAsync([Text(50, 1, "a again")])).Select(e => e.Id));
        }
    }

    [Fact]
    public async Task A_version_3_inbox_keeps_its_unfinished_updates_and_remembers_the_ids_it_stored()
    {
        using (var old = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }))
        {
            old.UtcDate = true;
            old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 3 });
            old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = InboxCursorDocument.KeyFor(UpdateInbox.Channel), ["value"] = 63 });
            var inbox = old.GetCollection("inbox");
            inbox.EnsureIndex("Done");
            var at = clock.GetUtcNow().UtcDateTime;
            inbox.Insert(new BsonDocument { ["_id"] = 60, ["Json"] = "", ["ChatKey"] = 1L, ["ReceivedAt"] = at, ["Done"] = true });
            inbox.Insert(new BsonDocument { ["_id"] = 61, ["Json"] = System.Text.Json.JsonSerializer.Serialize(Text(61, 1, "left"), global::Telegram.Bot.JsonBotAPI.Options), ["ChatKey"] = 1L, ["ReceivedAt"] = at, ["Done"] = false });
            inbox.Insert(new BsonDocument { ["_id"] = 62, ["Json"] = "", ["ChatKey"] = 2L, ["ReceivedAt"] = at, ["Done"] = true, ["Error"] = "boom" });
        }

        var (db, upgraded) = Open();
        using (db)
        using (upgraded)
        {
            Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(db.Lite));
            Assert.False(db.Lite.CollectionExists("inbox"));
            var left = Assert.Single(await upgraded.RecoverAsync());
            Assert.Equal("left", UpdateInbox.Deserialize(left).Message!.Text);
            Assert.Equal(63, upgraded.ReadOffset());

            var accepted = await upgraded.AcceptAsync([Text(60, 1, "again"), Text(62, 2, "again"), Text(63, 1, "new")]);
            Assert.Equal([63], accepted.Select(e => e.Id));
        }
    }

    [Fact]
    public void Seen_ids_are_kept_as_few_ranges_in_order_whatever_the_order_they_arrive_in()
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var ranges = new List<SeenRange>();
        foreach (var id in new[] { 10, 11, 12, 20, 14, 13, 18, 30, 19, 5, 12, 31, 6 })
        {
            SeenRanges.Remember(ranges, id, at);
        }

        Assert.Equal([(5, 6), (10, 14), (18, 20), (30, 31)], ranges.Select(r => (r.From, r.To)));
        Assert.All([5, 6, 10, 12, 14, 18, 19, 20, 30, 31], id => Assert.Contains(ranges, r => r.Contains(id)));
        Assert.DoesNotContain(ranges, r => r.Contains(15) || r.Contains(7) || r.Contains(32));
    }

    [Fact]
    public void Ids_arriving_newest_first_in_more_gaps_than_the_old_cap_of_64_are_all_still_seen()
    {
        // Regression: 160 updates taken at one instant, newest first, split into more than 64 ranges; the lowest was
        // forgotten and its second delivery (through the other instance) was accepted again.
        var at = clock.GetUtcNow().UtcDateTime;
        var ids = Enumerable.Range(0, 200).Select(i => 1_000 + (2 * i)).Reverse().ToList();
        var arrival = new InboxArrival(UpdateInbox.Channel, "a", [.. ids.Select(id => new StoredUpdate { Id = id, ReceivedAt = at })], ids.Max() + 1, at, UpdateInbox.SeenFor, TimeSpan.FromSeconds(30));
        var (fresh, cursor) = arrival.Sift(null);
        Assert.Equal(200, fresh.Count);
        Assert.Equal(200, cursor.Seen.Count);

        var again = arrival with { Updates = [.. ids.Select(id => new StoredUpdate { Id = id, ReceivedAt = at }).Append(new StoredUpdate { Id = 1_001, ReceivedAt = at })] };
        var (repeated, _) = again.Sift(cursor);
        Assert.Equal([1_001], repeated.Select(u => u.Id));
    }

    [Fact]
    public void Past_the_cap_the_ranges_seen_longest_ago_are_forgotten_first()
    {
        var start = clock.GetUtcNow().UtcDateTime;
        var ranges = new List<SeenRange>();
        for (var i = 0; i < SeenRanges.MaxRanges + 10; i++)
        {
            // Ids far apart, each seen a minute after the previous one, the newest ones lowest.
            SeenRanges.Remember(ranges, 1_000_000 - (3 * i), start.AddMinutes(i));
        }

        var kept = SeenRanges.Newest(ranges);
        Assert.Equal(SeenRanges.MaxRanges, kept.Count);
        Assert.Equal(kept.OrderBy(r => r.From), kept);
        Assert.DoesNotContain(kept, r => r.LastSeenAt < start.AddMinutes(10));
        Assert.Contains(kept, r => r.Contains(1_000_000 - (3 * 10)));
    }
}
