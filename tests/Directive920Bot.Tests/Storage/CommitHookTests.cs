using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// Work can gather changes during a transaction and write them once at its end, and run follow-ups only after the
/// commit; a rollback drops both.
/// </summary>
public sealed class CommitHookTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-hooks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Database Open() => new(Path.Combine(folder, "bot.db"), Mapper.Create(), [], TimeProvider.System);

    /// <summary>Counts in the transaction's own state and writes the total once per transaction, as the report counters do.</summary>
    private sealed class Tally(Database db)
    {
        public int Flushes { get; private set; }

        public void Add(ITransaction tx)
        {
            tx.Local<Count>(this).Value++;
            tx.BeforeCommit(this, Flush);
        }

        private void Flush(ITransaction tx)
        {
            var docs = db.Lite.GetCollection("tally");
            var doc = docs.FindById("n") ?? new BsonDocument { ["_id"] = "n", ["value"] = 0 };
            doc["value"] = doc["value"].AsInt32 + tx.Local<Count>(this).Value;
            docs.Upsert(doc);
            Flushes++;
        }

        private sealed class Count
        {
            public int Value { get; set; }
        }
    }

    [Fact]
    public async Task A_before_commit_step_writes_once_per_transaction_after_all_of_its_items()
    {
        using var db = Open();
        var tally = new Tally(db);
        using var hold = new ManualResetEventSlim();

        // The first item holds the writer so that the next ones are committed as one batch.
        var blocker = db.WriteAsync(() => hold.Wait(TimeSpan.FromSeconds(10)));
        var adds = Enumerable.Range(0, 30).Select(_ => db.WriteAsync(tally.Add)).ToList();
        hold.Set();
        await blocker;
        await Task.WhenAll(adds);

        Assert.Equal(30, db.Lite.GetCollection("tally").FindById("n")["value"].AsInt32);
        Assert.True(tally.Flushes < 30, $"{tally.Flushes} flushes for 30 items");
    }

    [Fact]
    public async Task What_a_rolled_back_item_gathered_is_forgotten_and_the_others_still_count()
    {
        using var db = Open();
        var tally = new Tally(db);
        using var hold = new ManualResetEventSlim();

        var blocker = db.WriteAsync(() => hold.Wait(TimeSpan.FromSeconds(10)));
        var good = Enumerable.Range(0, 10).Select(_ => db.WriteAsync(tally.Add)).ToList();
        var bad = db.WriteAsync(tx =>
        {
            tally.Add(tx);
            throw new InvalidOperationException("bad item");
        });
        hold.Set();
        await blocker;
        await Task.WhenAll(good);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);

        Assert.Equal(10, db.Lite.GetCollection("tally").FindById("n")["value"].AsInt32);
    }

    [Fact]
    public async Task An_after_commit_action_runs_once_the_write_is_committed_and_never_after_a_rollback()
    {
        using var db = Open();
        var docs = db.Lite.GetCollection("docs");
        var seen = new List<string>();

        await db.WriteAsync(tx =>
        {
            docs.Insert(new BsonDocument { ["_id"] = "kept" });
            tx.AfterCommit(() => seen.Add(docs.FindById("kept") is null ? "too early" : "after commit"));
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(tx =>
        {
            docs.Insert(new BsonDocument { ["_id"] = "dropped" });
            tx.AfterCommit(() => seen.Add("after rollback"));
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal(["after commit"], seen);
        Assert.Null(docs.FindById("dropped"));
    }
}
