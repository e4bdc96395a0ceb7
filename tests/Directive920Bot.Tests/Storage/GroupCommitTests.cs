using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>The writer thread commits concurrent work together, isolates a failing item and never loses an update.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-writer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Database Open() => new(Path.Combine(folder, "bot.db"), Mapper.Create(), [], TimeProvider.System);

    [Fact]
    public async Task Concurrent_read_modify_write_increments_are_all_kept()
    {
        using var db = Open();
        var counters = db.Lite.GetCollection("counters");
        counters.Insert(new BsonDocument { ["_id"] = "n", ["value"] = 0 });
        var before = db.WriterStatistics;

        // 8 threads × 250 increments, each a read then a write: any interleaving between transactions would lose some.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                await db.WriteAsync(() =>
                {
                    var doc = counters.FindById("n");
                    doc["value"] = doc["value"].AsInt32 + 1;
                    counters.Update(doc);
                });
            }
        })));

        Assert.Equal(2000, counters.FindById("n")["value"].AsInt32);
        var (commits, items) = (db.WriterStatistics.Commits - before.Commits, db.WriterStatistics.Items - before.Items);
        Assert.Equal(2000, items);
        Assert.True(commits <= items, $"{commits} commits for {items} items");
    }

    [Fact]
    public async Task A_failing_item_fails_alone_and_the_others_of_its_batch_are_written()
    {
        using var db = Open();
        var docs = db.Lite.GetCollection("docs");
        using var hold = new ManualResetEventSlim();

        // The first item holds the writer so that the next ones queue up and are committed as one batch.
        var blocker = db.WriteAsync(() => hold.Wait(TimeSpan.FromSeconds(10)));
        var good = Enumerable.Range(0, 20).Select(i => db.WriteAsync(() => docs.Insert(new BsonDocument { ["_id"] = i }))).ToList();
        var bad = db.WriteAsync(() =>
        {
            docs.Insert(new BsonDocument { ["_id"] = 1000 });
            throw new InvalidOperationException("bad item");
        });
        hold.Set();
        await blocker;
        await Task.WhenAll(good);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("bad item", error.Message);
        Assert.Equal(20, docs.Count());
        Assert.Null(docs.FindById(1000));
    }

    [Fact]
    public async Task An_insert_whose_key_is_taken_fails_alone_and_costs_its_batch_one_retry_not_a_commit_per_item()
    {
        using var db = Open();
        var docs = db.Lite.GetCollection("docs");
        docs.Insert(new BsonDocument { ["_id"] = "taken" });
        using var hold = new ManualResetEventSlim();

        var blocker = db.WriteAsync(() => hold.Wait(TimeSpan.FromSeconds(10)));
        var good = Enumerable.Range(0, 40).Select(i => db.WriteAsync(() => docs.Insert(new BsonDocument { ["_id"] = i }))).ToList();
        var duplicate = db.WriteAsync(() => docs.Insert(new BsonDocument { ["_id"] = "taken" }));
        var before = db.WriterStatistics.Commits;
        hold.Set();
        await blocker;
        await Task.WhenAll(good);

        var error = await Assert.ThrowsAsync<LiteException>(() => duplicate);
        Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, error.ErrorCode);
        Assert.Equal(41, docs.Count());
        // The blocker's commit, the 40 others together, then the duplicate alone (which commits nothing).
        Assert.True(db.WriterStatistics.Commits - before <= 3, $"{db.WriterStatistics.Commits - before} commits");
    }

    [Fact]
    public async Task A_transaction_started_inside_a_transaction_is_refused_and_the_outer_one_writes_nothing()
    {
        using var db = Open();
        var docs = db.Lite.GetCollection("docs");

        // Transactions are explicit values: work inside one passes its transaction on; it never opens (or joins) another.
        var failing = db.WriteAsync(tx =>
        {
            docs.Insert(new BsonDocument { ["_id"] = "outer" });
            db.Write(_ => docs.Insert(new BsonDocument { ["_id"] = "inner" }));
        });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Contains("pass its transaction", refused.Message, StringComparison.Ordinal);
        Assert.Null(docs.FindById("outer"));
        Assert.Null(docs.FindById("inner"));
    }

    [Fact]
    public void Work_queued_before_dispose_is_committed_and_survives_reopening()
    {
        var db = Open();
        var writes = Enumerable.Range(0, 100).Select(i => db.WriteAsync(() => db.Lite.GetCollection("docs").Insert(new BsonDocument { ["_id"] = i }))).ToList();
        db.Dispose();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        using var reopened = Open();
        Assert.Equal(100, reopened.Lite.GetCollection("docs").Count());
    }

    [Fact]
    public async Task After_the_engine_is_opened_again_committed_work_is_there_and_new_work_is_written()
    {
        using var db = Open();
        await db.WriteAsync(() => db.Collection<BsonDocument>("docs").Insert(new BsonDocument { ["_id"] = "before" }));
        var engine = db.Lite;

        // What the writer does when LiteDB halts its engine (litedb-org/LiteDB#2817): the file is opened again.
        await db.WriteAsync(() => { });
        var reopen = new Thread(db.Reopen);
        reopen.Start();
        reopen.Join();
        await db.WriteAsync(() => db.Collection<BsonDocument>("docs").Insert(new BsonDocument { ["_id"] = "after" }));

        Assert.NotSame(engine, db.Lite);
        Assert.Equal(1, db.Reopened);
        Assert.Equal(["after", "before"], db.Collection<BsonDocument>("docs").FindAll().Select(d => d["_id"].AsString).Order().ToArray());
    }

    [Fact]
    public async Task A_write_outside_a_transaction_on_another_thread_runs_on_the_writer()
    {
        using var db = Open();
        var docs = db.Collection<BsonDocument>("docs");
        var before = db.WriterStatistics.Items;

        // An auto-committed insert from a thread-pool thread, as stores do: it is handed to the writer, not run beside it.
        await Task.Run(() => docs.Insert(new BsonDocument { ["_id"] = 1 }));

        Assert.Equal(before + 1, db.WriterStatistics.Items);
        Assert.NotNull(docs.FindById(1));
    }
}
