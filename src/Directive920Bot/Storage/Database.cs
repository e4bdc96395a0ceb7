using System.Collections.Concurrent;
using LiteDB;

namespace Directive920Bot.Storage;

/// <summary>
/// Owns the single <see cref="LiteDatabase"/> of the process and runs migrations on open.
/// Every explicit transaction runs on one writer thread that commits concurrent requests together (group commit):
/// a commit costs the same for one document or a hundred, and one writer means no lock-order deadlocks between
/// transactions and no lost updates in read-modify-write code. Reads run on the caller's thread against committed data.
/// </summary>
public sealed class Database : IDisposable
{
    /// <summary>The most work items committed together; bounds how long one batch holds the writer.</summary>
    public const int MaxBatch = 256;

    private readonly LiteDatabase db;
    private readonly BlockingCollection<WorkItem> queue = [];
    private readonly Thread writer;
    private long commits;
    private long items;

    public Database(string path, BsonMapper mapper, IEnumerable<StoreSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var existed = File.Exists(full);
        db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, mapper);
        if (!existed && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Instants are read back as UTC (the pragma is kept in the file); local time is computed only for display and scheduling.
        db.UtcDate = true;
        Path = full;
        Mapper = mapper;
        Migrations.Run(db);
        foreach (var schema in schemas)
        {
            schema.Prepare(db, mapper);
        }

        writer = new Thread(WriterLoop) { IsBackground = true, Name = "LiteDB writer" };
        writer.Start();
    }

    public string Path { get; }

    public BsonMapper Mapper { get; }

    public ILiteDatabase Lite => db;

    /// <summary>Commits and work items since start: items ÷ commits is the mean batch size.</summary>
    public (long Commits, long Items) WriterStatistics => (Interlocked.Read(ref commits), Interlocked.Read(ref items));

    /// <summary>True on the writer thread, i.e. inside a transaction.</summary>
    public bool InWriter => Environment.CurrentManagedThreadId == writer.ManagedThreadId;

    public ILiteCollection<T> Collection<T>(string name) => db.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: all of it is written or none. Waits for the commit. Called from
    /// work that already runs in a transaction, it joins it. Async callers on hot paths use <see cref="WriteAsync{T}"/>.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InWriter ? work() : WriteAsync(work).GetAwaiter().GetResult();
    }

    public void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction(() =>
        {
            work();
            return 0;
        });
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the writer; the task completes after the transaction holding it committed
    /// (or fails with the work's exception, nothing of it written). The work may run twice when another item of its
    /// batch fails (the batch is rolled back and each item retried alone), so it must only touch the database and the
    /// objects it was given. It must not wait for anything that itself waits for the writer.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (InWriter)
        {
            return Task.FromResult(work());
        }

        var item = new WorkItem<T>(work);
        queue.Add(item);
        return item.Completion.Task;
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

    public void Dispose()
    {
        queue.CompleteAdding();
        if (!InWriter)
        {
            writer.Join();
        }

        queue.Dispose();
        db.Dispose();
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

            RunBatch(batch);
            batch.Clear();
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        if (batch.Count > 1 && TryCommit(batch))
        {
            return;
        }

        // Alone (or after the batch failed): each item in its own transaction, so one bad item fails only itself.
        foreach (var item in batch)
        {
            TryCommit([item]);
        }
    }

    private bool TryCommit(List<WorkItem> batch)
    {
        Exception? failure = null;
        db.BeginTrans();
        try
        {
            foreach (var item in batch)
            {
                item.Run();
            }

            db.Commit();
        }
        catch (Exception ex)
        {
            failure = ex;
            try
            {
                db.Rollback();
            }
            catch (LiteException)
            {
                // The rollback of a failed transaction can itself fail when the engine is closing; nothing was committed.
            }
        }

        if (failure is not null)
        {
            if (batch.Count == 1)
            {
                batch[0].Fail(failure);
            }

            return false;
        }

        Interlocked.Increment(ref commits);
        Interlocked.Add(ref items, batch.Count);
        foreach (var item in batch)
        {
            item.Complete();
        }

        return true;
    }

    private abstract class WorkItem
    {
        public abstract void Run();

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class WorkItem<T>(Func<T> work) : WorkItem
    {
        private T result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run() => result = work();

        public override void Complete() => Completion.TrySetResult(result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }
}

/// <summary>A feature's collections: its indexes are created and the mapper warmed for its types at start.</summary>
public sealed record StoreSchema(string Name, Action<ILiteDatabase, BsonMapper> Prepare);
