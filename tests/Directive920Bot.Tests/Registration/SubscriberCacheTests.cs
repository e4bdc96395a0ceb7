using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Registration;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Registration;

/// <summary>Subscribers read once are kept in memory, but every caller gets its own copy and sees every committed change.</summary>
public sealed class SubscriberCacheTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-subs-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly Database db;
    private readonly LiteDbSubscribers store;

    public SubscriberCacheTests()
    {
        db = new Database(Path.Combine(folder, "bot.db"), Mapper.Create(), [LiteDbSubscribers.Schema], TimeProvider.System);
        store = new LiteDbSubscribers(db, clock);
        db.Write(tx => store.Save(tx, new Subscriber { Id = 5, FullName = "Nguyễn Văn An", UnitCode = "SNV-VP", Language = "vi" }));
    }

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Each_find_returns_a_copy_that_its_caller_may_change_without_saving()
    {
        var first = store.Find(5)!;
        first.Language = "en";
        first.Conversation = "feedback.text";

        var second = store.Find(5)!;

        Assert.NotSame(first, second);
        Assert.Equal("vi", second.Language);
        Assert.Null(second.Conversation);
    }

    [Fact]
    public void A_saved_change_is_found_at_once()
    {
        var subscriber = store.Find(5)!;
        subscriber.Paused = true;
        db.Write(tx => store.Save(tx, subscriber));

        Assert.True(store.Find(5)!.Paused);
    }

    [Fact]
    public void A_change_saved_in_a_transaction_that_rolls_back_is_not_found()
    {
        Assert.NotNull(store.Find(5));

        Assert.ThrowsAny<InvalidOperationException>(() => db.Write(tx =>
        {
            var subscriber = store.Find(5)!;
            subscriber.UnitCode = "STC";
            store.Save(tx, subscriber);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal("SNV-VP", store.Find(5)!.UnitCode);
    }

    [Fact]
    public void An_erased_subscriber_is_not_found()
    {
        var subscriber = store.Find(5)!;

        db.Write(tx => store.Erase(tx, subscriber.Id, ErasurePseudonyms.Create(subscriber.Id)));

        Assert.Null(store.Find(5));
    }
}
