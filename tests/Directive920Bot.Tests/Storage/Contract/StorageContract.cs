using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// What every storage provider must do, whatever its engine: the embedded LiteDB provider runs it
/// (<see cref="LiteDbStorageContractTests"/>), and a PostgreSQL provider must pass it unchanged. A provider supplies
/// how to open a store and how to simulate a crash; the tests speak only the store interfaces and <see cref="IStorage"/>.
/// </summary>
public abstract partial class StorageContract : IDisposable
{
    /// <summary>An erasure whose pseudonyms the test can predict (the service's own use a random key).</summary>
    protected static Directive920Bot.Registration.ErasurePseudonyms Erasure(long subscriberId) => Directive920Bot.Registration.ErasurePseudonyms.WithKey(subscriberId, new byte[32]);

    private readonly List<IDisposable> opened = [];

    /// <summary>The business clock every provider's store is opened with (what a store stamps: updated, erased at).</summary>
    protected static readonly DateTime BusinessNow = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    protected static Microsoft.Extensions.Time.Testing.FakeTimeProvider BusinessClock() => new(new DateTimeOffset(BusinessNow));

    /// <summary>Opens the provider's store at <paramref name="location"/> (created when absent) with every store registered.</summary>
    protected abstract IServiceProvider Open(string location);

    /// <summary>
    /// Leaves <paramref name="location"/> as a crash would (no clean close), and returns a location that holds exactly
    /// what a process killed at this instant would have left behind; the test opens it as the restarted service would.
    /// </summary>
    protected abstract string Crash(string location);

    /// <summary>A fresh location for a new store.</summary>
    protected abstract string NewLocation();

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private IServiceProvider Store(string? location = null)
    {
        var services = Open(location ?? NewLocation());
        if (services is IDisposable disposable)
        {
            opened.Add(disposable);
        }

        return services;
    }

    private static CallbackKey Key(string id, string identity, long? owner = 7) =>
        new() { Id = id, Identity = identity, OwnerId = owner, Action = "eng.ack", Payload = identity, CreatedAt = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc) };

    [SkippableFact]
    public async Task What_a_transaction_writes_is_read_back_after_it_commits()
    {
        var store = Store();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();

        await store.GetRequiredService<IStorage>().WriteAsync(tx => keys.Insert(tx, Key("k1", "7|eng.ack|a")));

        Assert.Equal("7|eng.ack|a", keys.Find("k1")!.Identity);
        Assert.Equal("k1", keys.FindByIdentity("7|eng.ack|a")!.Id);
    }

    [SkippableFact]
    public async Task A_transaction_that_fails_writes_nothing_and_runs_no_after_commit_step()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        var afterCommit = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Key("k1", "7|eng.ack|a"));
            tx.AfterCommit(() => afterCommit++);
            throw new InvalidOperationException("the work failed after its first write");
        }));

        Assert.Equal("the work failed after its first write", failure.Message);
        Assert.Null(keys.Find("k1"));
        Assert.Null(keys.FindByIdentity("7|eng.ack|a"));
        Assert.Equal(0, afterCommit);
    }

    [SkippableFact]
    public async Task A_unique_key_taken_by_another_transaction_fails_the_second_and_keeps_the_first()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        await storage.WriteAsync(tx => keys.Insert(tx, Key("k1", "7|eng.ack|a")));

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Key("k2", "8|eng.ack|b"));
            keys.Insert(tx, Key("k3", "7|eng.ack|a"));
        }));

        Assert.Equal("k1", keys.FindByIdentity("7|eng.ack|a")!.Id);
        // All of the failed transaction is gone, also what it wrote before the conflict.
        Assert.Null(keys.Find("k2"));
        Assert.Null(keys.Find("k3"));
    }

    [SkippableFact]
    public async Task Concurrent_read_modify_writes_lose_no_update()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        const int Writers = 400;

        // Each transaction reads the cursor and writes it one further: with lost updates the end is short of Writers.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => storage.WriteAsync(tx =>
        {
            var offset = inbox.ReadCursor("contract")?.Offset ?? 0;
            inbox.Accept(tx, Arrival("contract", "me", offset + 1));
        }))));

        Assert.Equal(Writers, inbox.ReadCursor("contract")!.Offset);
    }

    [SkippableFact]
    public async Task A_before_commit_step_runs_once_per_transaction_and_its_state_is_the_transactions_own()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        var key = new object();
        const int Writers = 200;

        // Every work item adds one to its transaction's own tally; one step per transaction writes the tally to the
        // cursor. However the provider groups the work, the cursor ends at Writers, and no tally leaks into another.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => storage.WriteAsync(tx =>
        {
            tx.Local<Tally>(key).Count++;
            tx.BeforeCommit(key, t =>
            {
                var offset = inbox.ReadCursor("tally")?.Offset ?? 0;
                inbox.Accept(t, Arrival("tally", "me", offset + t.Local<Tally>(key).Count));
            });
        }))));

        Assert.Equal(Writers, inbox.ReadCursor("tally")!.Offset);
    }

    [SkippableFact]
    public async Task A_transaction_that_fails_runs_its_after_rollback_steps_and_one_that_commits_does_not()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        var seen = new List<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Key("k1", "7|eng.ack|a"));
            tx.AfterRollback(() => seen.Add(keys.Find("k1") is null ? "rolled back" : "too early"));
            throw new InvalidOperationException("the work failed");
        }));
        await storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Key("k2", "8|eng.ack|b"));
            tx.AfterRollback(() => seen.Add("after a commit"));
        });

        Assert.Equal(["rolled back"], seen);
    }

    [SkippableFact]
    public async Task Every_attempt_of_concurrent_work_ends_in_its_after_commit_or_its_after_rollback_steps_never_both()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        const int Writers = 200;
        int attempts = 0, committed = 0, rolledBack = 0;

        // Read-modify-writes of one row: PostgreSQL runs conflicting ones again, the embedded store groups them; one in
        // ten fails, which fails its group there, whose other work runs again.
        var writes = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(tx =>
                {
                    Interlocked.Increment(ref attempts);
                    tx.AfterCommit(() => Interlocked.Increment(ref committed));
                    tx.AfterRollback(() => Interlocked.Increment(ref rolledBack));
                    var offset = inbox.ReadCursor("attempts")?.Offset ?? 0;
                    inbox.Accept(tx, Arrival("attempts", "me", offset + 1));
                    if (i % 10 == 0)
                    {
                        throw new InvalidOperationException("fails");
                    }
                });
            }
            catch (InvalidOperationException)
            {
            }
        }));
        await Task.WhenAll(writes);

        Assert.Equal(Writers - (Writers / 10), inbox.ReadCursor("attempts")!.Offset);
        Assert.Equal(Writers - (Writers / 10), committed);
        Assert.Equal(attempts, committed + rolledBack);
    }

    [SkippableFact]
    public async Task An_after_commit_step_runs_once_the_write_is_visible()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        CallbackKey? seen = null;

        await storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Key("k1", "7|eng.ack|a"));
            tx.AfterCommit(() => seen = keys.Find("k1"));
        });

        Assert.Equal("k1", seen?.Id);
    }

    [SkippableFact]
    public async Task After_a_crash_the_reopened_store_holds_every_committed_transaction()
    {
        var location = NewLocation();
        var store = Store(location);
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        var inbox = store.GetRequiredService<IInboxStore>();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => storage.WriteAsync(tx => keys.Insert(tx, Key($"k{i}", $"7|eng.ack|{i}")))));
        await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("telegram", "me", 42, Update(41))));

        var reopened = Store(Crash(location));

        var keysAfter = reopened.GetRequiredService<ICallbackKeyRecords>();
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal($"7|eng.ack|{i}", keysAfter.Find($"k{i}")?.Identity));
        var inboxAfter = reopened.GetRequiredService<IInboxStore>();
        Assert.Equal(42, inboxAfter.ReadCursor("telegram")!.Offset);
        Assert.Equal([41], inboxAfter.Batches().Single().Updates.Select(u => u.Id));
    }

    private sealed class Tally
    {
        public int Count { get; set; }
    }
}
