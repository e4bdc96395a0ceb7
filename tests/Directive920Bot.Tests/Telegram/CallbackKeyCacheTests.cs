using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Channels;
using Directive920Bot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Telegram;

/// <summary>Keys found once are kept in memory, but a revoked, replaced or expired key is never found again.</summary>
public sealed class CallbackKeyCacheTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-keys-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly Database db;
    private readonly CallbackKeyStore keys;

    public CallbackKeyCacheTests()
    {
        db = new Database(Path.Combine(folder, "bot.db"), Mapper.Create(), [LiteDbCallbackKeyRecords.Schema], TimeProvider.System);
        keys = new CallbackKeyStore(new LiteDbCallbackKeyRecords(db), db, clock);
    }

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_key_found_once_is_found_again_without_reading_the_file()
    {
        var id = keys.Issue(7, "eng.ack", "c:1:1:7");
        Assert.Equal("c:1:1:7", keys.Find(id)!.Payload);

        // Gone from the file behind the store's back: only the cache can still answer.
        db.Lite.GetCollection(LiteDbCallbackKeyRecords.CollectionName).DeleteAll();

        Assert.Equal("c:1:1:7", keys.Find(id)!.Payload);
    }

    [Fact]
    public void A_key_just_issued_is_found_without_reading_the_file()
    {
        var id = keys.Issue(12, "eng.ack", "c:1:1:12");

        db.Lite.GetCollection(LiteDbCallbackKeyRecords.CollectionName).DeleteAll();

        Assert.Equal("c:1:1:12", keys.Find(id)!.Payload);
    }

    [Fact]
    public void A_key_stored_in_a_transaction_that_rolls_back_does_not_exist()
    {
        var records = new LiteDbCallbackKeyRecords(db);
        var key = new CallbackKey { Id = "rolled-back-key", OwnerId = 13, Action = "eng.ack", Payload = "c:1:1:13", Identity = "13|eng.ack|c:1:1:13" };

        Assert.ThrowsAny<InvalidOperationException>(() => db.Write(tx =>
        {
            records.Insert(tx, key);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Null(records.Find(key.Id));
        Assert.Null(keys.Find(key.Id));
    }

    [Fact]
    public void Keys_revoked_after_they_were_pressed_are_refused()
    {
        var own = keys.Issue(7, "eng.ack", "c:1:1:7");
        var other = keys.Issue(8, "eng.ack", "c:1:1:8");
        Assert.NotNull(keys.Find(own));
        Assert.NotNull(keys.Find(other));

        keys.RevokeOwnedBy(7);

        Assert.Null(keys.Find(own));
        Assert.NotNull(keys.Find(other));
    }

    [Fact]
    public void A_revocation_inside_a_transaction_is_seen_once_it_commits()
    {
        var id = keys.Issue(9, "eng.quiz", "c:1:1:9");
        Assert.NotNull(keys.Find(id));

        db.Write(tx => keys.RevokePayload(tx, "eng.quiz", "c:1:1:9"));

        Assert.Null(keys.Find(id));
    }

    [Fact]
    public void A_revocation_that_rolls_back_leaves_the_key_usable()
    {
        var id = keys.Issue(10, "eng.quiz", "c:1:1:10");
        Assert.NotNull(keys.Find(id));

        Assert.ThrowsAny<InvalidOperationException>(() => db.Write(tx =>
        {
            keys.RevokeOwnedBy(tx, 10);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal("c:1:1:10", keys.Find(id)!.Payload);
    }

    [Fact]
    public void An_expired_key_kept_in_memory_is_refused_and_its_reissue_gets_a_new_key()
    {
        var id = keys.Issue(11, "bc.preview", "", TimeSpan.FromMinutes(10));
        Assert.NotNull(keys.Find(id));

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(keys.Find(id));
        var again = keys.Issue(11, "bc.preview", "", TimeSpan.FromMinutes(10));
        Assert.NotEqual(id, again);
        Assert.Null(keys.Find(id));
        Assert.NotNull(keys.Find(again));
        Assert.Equal(0, keys.PurgeExpired());
    }
}
