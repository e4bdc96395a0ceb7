using System.Collections.Concurrent;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Owns the single <see cref="LiteDatabase"/> of the process and runs migrations on open.
/// Every explicit transaction runs on one writer thread that commits concurrent requests together (group commit):
/// a commit costs the same for one document or a hundred, and one writer means no lock-order deadlocks between
/// transactions and no lost updates in read-modify-write code. Reads run on the caller's thread against committed data.
/// </summary>
public sealed class Database : IStorage, IStorageMaintenance, IDisposable
{
    /// <summary>The most work items committed together; bounds how long one batch holds the writer.</summary>
    public const int MaxBatch = 256;

    private readonly TimeProvider transport;
    private readonly BlockingCollection<WorkItem> queue = [];
    private readonly ILogger? log;
    private LiteDatabase db;
    private readonly DiskGuard guard;
    private long reopened;
    private int writerThreadId = -1;
    private volatile bool reopening;
    private readonly Thread writer;
    private long commits;
    private long items;
    private long busyTicks;
    private long commitTicks;
    private long batchStarted;
    private WriterTransaction? current;
    private int disposed;
    private readonly Lock compactionGate = new();
    private Compaction? queuedCompaction;

    /// <param name="transport">The transport clock, which times the writer's statistics.</param>
    /// <param name="minimumFreeBytes">Writes are refused while the disk has less free space (0: no check); see <see cref="DiskGuard"/>.</param>
    /// <param name="zone">The bot's zone, whose local days migrations count report days in (null: the default zone).</param>
    public Database(string path, BsonMapper mapper, IEnumerable<StoreSchema> schemas, TimeProvider transport, ILogger<Database>? log = null, long minimumFreeBytes = 0,
        TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(transport);
        this.transport = transport;
        this.log = log;
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var existed = File.Exists(full);
        if (existed && LiteDbStoreFiles.PeekVersion(full) is var found and > 0 and < Migrations.CurrentVersion)
        {
            // Migrations change the file in place: the file as it was is kept first (a newer version is refused below).
            var copy = LiteDbStoreFiles.CopyBeforeMigration(full, found);
            log?.LogWarning("Schema v{From} → v{To}: the store was copied to {Copy} before migrating", found, Migrations.CurrentVersion, copy);
        }

        db = Open(full, mapper);
        Path = full;
        guard = new DiskGuard(full, minimumFreeBytes, transport);
        LogPath = System.IO.Path.Combine(directory, System.IO.Path.GetFileNameWithoutExtension(full) + "-log" + System.IO.Path.GetExtension(full));
        // Every start, not only the first: the data folder 0700, the file and its log 0600 (Storage/OwnerOnly).
        OwnerOnly.Directory(directory);
        OwnerOnly.File(full);
        OwnerOnly.File(LogPath);
        Mapper = mapper;
        Migrations.Run(db, zone);
        foreach (var schema in schemas)
        {
            schema.Prepare(db, mapper);
        }

        writer = new Thread(WriterLoop) { IsBackground = true, Name = "LiteDB writer" };
        writerThreadId = writer.ManagedThreadId;
        writer.Start();
    }

    public string Path { get; }

    /// <summary>
    /// After every commit: the engine (re)creates its log file with the process umask; a stat per file, a chmod only
    /// when the mode drifted. A failure here is logged, never the commit's.
    /// </summary>
    private void TightenFiles()
    {
        try
        {
            OwnerOnly.File(LogPath);
            OwnerOnly.File(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log?.LogWarning(ex, "Could not make the database files owner-only");
        }
    }

    /// <summary>LiteDB's log file beside the database (<c>name-log.ext</c>), created and removed by the engine as it writes.</summary>
    public string LogPath { get; }

    public BsonMapper Mapper { get; }

    public ILiteDatabase Lite => Volatile.Read(ref db);

    /// <summary>How often the engine was reopened after it halted (see <see cref="Reopen"/>).</summary>
    public long Reopened => Interlocked.Read(ref reopened);

    /// <summary>
    /// Commits and work items since start (items ÷ commits is the mean batch size), the time the writer was busy and,
    /// of that, the time spent committing (writing the changed pages to the log).
    /// </summary>
    public (long Commits, long Items, TimeSpan Busy, TimeSpan Committing) WriterStatistics =>
        (Interlocked.Read(ref commits), Interlocked.Read(ref items), transport.GetElapsedTime(0, Interlocked.Read(ref busyTicks)),
            transport.GetElapsedTime(0, Interlocked.Read(ref commitTicks)));

    /// <summary>False once disposed: nothing can be read or written any more.</summary>
    public bool IsOpen => Volatile.Read(ref disposed) == 0;

    /// <summary>Work items waiting for the writer.</summary>
    public int QueueLength => queue.IsAddingCompleted ? 0 : queue.Count;

    /// <summary>How long the batch under way has held the writer (transport clock); zero while it is idle.</summary>
    public TimeSpan CurrentBatchAge
    {
        get
        {
            var started = Interlocked.Read(ref batchStarted);
            return started == 0 ? TimeSpan.Zero : transport.GetElapsedTime(started);
        }
    }

    /// <summary>True on the writer thread, i.e. inside a transaction.</summary>
    public bool InWriter => Environment.CurrentManagedThreadId == writerThreadId;

    public ILiteCollection<T> Collection<T>(string name) => Lite.GetCollection<T>(name);

    /// <summary>
    /// Queues <paramref name="work"/> for the writer; the task completes after the transaction holding it committed
    /// (or fails with the work's exception, nothing of it written). The work may run twice when another item of its
    /// batch fails (the batch is rolled back and each item retried alone), so it must only touch the database and the
    /// objects it was given. It must not wait for anything that itself waits for the writer.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(_ => work());
    }

    /// <inheritdoc/>
    public Task<T> WriteAsync<T>(Func<ITransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        RefuseNesting();
        var item = new WorkItem<T>(work);
        queue.Add(item);
        return item.Completion.Task;
    }

    /// <inheritdoc/>
    public Task WriteAsync(Action<ITransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(tx =>
        {
            work(tx);
            return 0;
        });
    }

    /// <inheritdoc/>
    public T Write<T>(Func<ITransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(work).GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Write(Action<ITransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Write(tx =>
        {
            work(tx);
            return 0;
        });
    }

    public Task WriteAsync(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(() =>
        {
            work();
            return 0;
        });
    }

    /// <inheritdoc/>
    public Task<long> CompactAsync()
    {
        RefuseNesting();
        lock (compactionGate)
        {
            if (queuedCompaction is { } queued)
            {
                return queued.Completion.Task;
            }

            var compaction = new Compaction(this);
            queuedCompaction = compaction;
            queue.Add(compaction);
            return compaction.Completion.Task;
        }
    }

    /// <summary>
    /// Runs on the writer, between transactions: LiteDB's rebuild rewrites every live document into fresh pages, and the
    /// checkpoints before and after leave an empty log, so the bytes of deleted documents survive neither in free pages of
    /// the file nor in the log. The engine's lock is held throughout: readers wait, as they do for a commit.
    /// </summary>
    private long CompactOnWriter()
    {
        var lite = Lite;
        var before = new FileInfo(Path).Length;
        lite.Checkpoint();
        lite.Rebuild();
        lite.Checkpoint();
        // A rebuild done by a file-level tool leaves these beside the file; they hold the old bytes.
        foreach (var leftover in new[] { "-backup", "-temp" })
        {
            var name = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileNameWithoutExtension(Path) + leftover + System.IO.Path.GetExtension(Path));
            File.Delete(name);
        }

        var saved = before - new FileInfo(Path).Length;
        log?.LogInformation("Compacted {Path}: {Saved} bytes freed", Path, saved);
        return saved;
    }

    // Work on the writer already runs in a transaction, which it was given: a second one would wait for the writer that
    // runs it (a deadlock), and joining it silently would hide which transaction a write belongs to.
    private void RefuseNesting()
    {
        if (InWriter && !reopening)
        {
            throw new InvalidOperationException("A write was started inside a transaction: pass its transaction (ITransaction) to the store instead.");
        }
    }

    /// <summary>A write that arrives outside the writer (an auto-committed insert, say) runs on it, in its transaction.</summary>
    private int RunOnWriter(Func<int> write) =>
        writerThreadId < 0 || InWriter || reopening || queue.IsAddingCompleted ? write() : WriteAsync(write).GetAwaiter().GetResult();

    public void Dispose()
    {
        // Registered as itself and as IStorage: the container disposes it once per registration.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.CompleteAdding();
        if (!InWriter)
        {
            writer.Join();
        }

        Lite.Dispose();
        queue.Dispose();
    }

    private LiteDatabase Open(string path, BsonMapper mapper)
    {
        var engine = new SerializedEngine(new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings { Filename = path }), RunOnWriter);
        var lite = new LiteDatabase(engine, mapper, disposeOnClose: true);
        // Instants are read back as UTC (the pragma is kept in the file); local time is computed only for display and scheduling.
        lite.UtcDate = true;
        return lite;
    }

    /// <summary>
    /// LiteDB 5.0.21 halts its engine after an internal consistency check fails (a known page-cache race under
    /// concurrent reads, litedb-org/LiteDB#2817): every later call fails. Committed work is safe in the log file, so
    /// the file is opened again (LiteDB replays the log) and work goes on; the failed batch's callers got the error.
    /// </summary>
    private void ReopenIfHalted(Exception failure)
    {
        try
        {
            Lite.GetCollection("_meta").FindById("schema");
            return;
        }
        catch (Exception probe) when (probe is LiteException or InvalidOperationException or ObjectDisposedException)
        {
            log?.LogError(failure, "The database engine halted; opening {Path} again", Path);
        }

        Reopen();
    }

    /// <summary>Disposes the current engine and opens the file again; only the writer thread calls it.</summary>
    internal void Reopen()
    {
        var old = Lite;
        try
        {
            old.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidOperationException)
        {
            // A halted engine may fail to close cleanly; the file lock is released with the stream.
            log?.LogWarning(ex, "Closing the halted database engine failed");
        }

        // Opening writes a pragma, which must go to the new engine directly, not through the writer.
        reopening = true;
        try
        {
            Volatile.Write(ref db, Open(Path, Mapper));
        }
        finally
        {
            reopening = false;
        }

        Interlocked.Increment(ref reopened);
    }

    private void WriterLoop()
    {
        var batch = new List<WorkItem>(MaxBatch);
        foreach (var first in queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            var started = transport.GetTimestamp();
            Interlocked.Exchange(ref batchStarted, Math.Max(started, 1));
            var compactions = batch.OfType<Compaction>().ToList();
            if (compactions.Count > 0)
            {
                batch.RemoveAll(item => item is Compaction);
            }

            try
            {
                if (batch.Count > 0)
                {
                    RunBatch(batch);
                }
            }
            catch (Exception ex)
            {
                // The writer must outlive anything (a failed reopen, say): its callers get the error, later work is tried again.
                log?.LogCritical(ex, "The database writer failed a batch of {Count}", batch.Count);
                foreach (var item in batch)
                {
                    item.Fail(ex);
                }
            }

            Interlocked.Exchange(ref batchStarted, 0);
            // After the transactions queued with them: an erasure committed just before is compacted away.
            foreach (var compaction in compactions)
            {
                compaction.RunAlone();
            }

            Interlocked.Add(ref busyTicks, transport.GetTimestamp() - started);
            batch.Clear();
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        if (batch.Count == 1)
        {
            TryCommit(batch, out _);
            return;
        }

        if (TryCommit(batch, out var failed))
        {
            return;
        }

        // One item threw (an insert that found its key taken, say): the others commit together again, then it runs alone
        // (after them, so that it sees what they wrote). A failure elsewhere (the commit itself) names no item: then
        // each item gets its own transaction.
        if (failed is { } culprit)
        {
            var rest = batch.Where(item => item != culprit).ToList();
            if (!TryCommit(rest, out _))
            {
                foreach (var item in rest)
                {
                    TryCommit([item], out _);
                }
            }

            TryCommit([culprit], out _);
            return;
        }

        foreach (var item in batch)
        {
            TryCommit([item], out _);
        }
    }

    private bool TryCommit(List<WorkItem> batch, out WorkItem? failed)
    {
        Exception? failure = null;
        failed = null;
        if (guard.WhyNot() is { } refusal)
        {
            // Before LiteDB touches the disk: a write it starts and the disk refuses half-way ends the process.
            log?.LogError("A write was refused: {Reason}", refusal);
            var unavailable = new StoreUnavailableException(refusal);
            foreach (var item in batch)
            {
                item.Fail(unavailable);
            }

            // Every item has its answer: the caller must not retry them one by one.
            failed = null;
            return true;
        }

        var lite = Lite;
        var tx = current = new WriterTransaction();
        try
        {
            lite.BeginTrans();
            foreach (var item in batch)
            {
                failed = item;
                item.Run(tx);
            }

            failed = null;

            // A before-commit step may register another; RunBeforeCommit runs those too.
            tx.RunBeforeCommit();

            var committing = transport.GetTimestamp();
            lite.Commit();
            Interlocked.Add(ref commitTicks, transport.GetTimestamp() - committing);
            TightenFiles();
        }
        catch (Exception ex)
        {
            failure = ex;
            current = null;
            try
            {
                lite.Rollback();
            }
            catch (Exception rollback) when (rollback is LiteException or InvalidOperationException or ObjectDisposedException)
            {
                // The rollback of a failed transaction can itself fail when the engine is closing or halted; nothing was committed.
            }

            // Before any item of the group runs again (alone or with the others), so that it finds the state it first found.
            RunSteps(tx.RolledBack, "after-rollback");
        }

        if (failure is not null)
        {
            if (failure is LiteException or InvalidOperationException or ObjectDisposedException)
            {
                ReopenIfHalted(failure);
            }

            if (batch.Count == 1)
            {
                batch[0].Fail(failure);
            }

            return false;
        }

        current = null;
        // The data is committed; a failing follow-up must not fail the callers of the batch.
        RunSteps(tx.Committed, "after-commit");
        Interlocked.Increment(ref commits);
        Interlocked.Add(ref items, batch.Count);
        foreach (var item in batch)
        {
            item.Complete();
        }

        return true;
    }

    private void RunSteps(IReadOnlyList<Action> steps, string kind)
    {
        foreach (var action in steps)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log?.LogError(ex, "An {Kind} action failed", kind);
            }
        }
    }

    private abstract class WorkItem
    {
        public abstract void Run(ITransaction tx);

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class WorkItem<T>(Func<ITransaction, T> work) : WorkItem
    {
        private T result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(ITransaction tx) => result = work(tx);

        public override void Complete() => Completion.TrySetResult(result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }

    /// <summary>A compaction queued for the writer; it runs outside any transaction (a rebuild cannot run inside one).</summary>
    private sealed class Compaction(Database database) : WorkItem
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(ITransaction tx) => throw new InvalidOperationException("A compaction runs outside a transaction.");

        public override void Complete()
        {
        }

        public override void Fail(Exception ex) => Completion.TrySetException(ex);

        public void RunAlone()
        {
            lock (database.compactionGate)
            {
                // Requests from now on queue a new compaction: what they erased may not be covered by this one's snapshot.
                if (database.queuedCompaction == this)
                {
                    database.queuedCompaction = null;
                }
            }

            try
            {
                Completion.TrySetResult(database.CompactOnWriter());
            }
            catch (Exception ex) when (ex is LiteException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                database.log?.LogError(ex, "Compacting the database failed");
                // Callers outside the provider know no LiteDB types.
                Completion.TrySetException(ex is LiteException ? new InvalidOperationException("Compacting the database failed: " + ex.Message, ex) : ex);
            }
        }
    }
}
