using System.Data;
using Dapper;
using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// <see cref="IStorage"/> on PostgreSQL. Each <c>WriteAsync</c> is one Npgsql transaction at SERIALIZABLE isolation:
/// the features' read-modify-write code reads through the store interfaces without naming the transaction, so only
/// serializable snapshots keep two writers (threads here, or another instance) from losing an update. PostgreSQL aborts
/// one side of a conflict (SQLSTATE 40001/40P01) and the work runs again on a fresh transaction — the interface allows
/// it ("work may run again when its batch is retried"). Reads made by work while it runs use its transaction (they see
/// its own writes, and the server sees what it read); reads from anywhere else take a pooled connection and see
/// committed data. At most <see cref="StorageOptions.MaxConcurrentWrites"/> transactions of this process run at once,
/// so a burst does not turn into a storm of serialization retries or exhaust the server's connections.
/// </summary>
public sealed class PostgresStorage : IStorage, IDisposable
{
    /// <summary>A transaction that lost a serialization conflict this many times gives up (never seen short of a bug).</summary>
    public const int MaxAttempts = 200;

    /// <summary>A work whose transaction a swallowed failure aborted (25P02) runs at most this many times: enough for a
    /// conflict hidden that way to clear, few enough that a failure that is not transient surfaces soon.</summary>
    public const int MaxAbortedAttempts = 10;

    // The work of a transaction is synchronous (Func<ITransaction, T>): it runs on one thread from start to end, so the
    // transaction it runs in can be found by the stores' reads through a thread-static.
    [ThreadStatic]
    private static PgTransaction? current;

    private readonly SemaphoreSlim gate;
    private readonly ILogger<PostgresStorage>? log;
    private long retries;
    private long commits;

    static PostgresStorage() => DapperSetup.Configure();

    /// <param name="timeZone">The bot's zone (IANA id) for migrations that count by local day; null: Vietnam's.</param>
    public PostgresStorage(NpgsqlDataSource source, int maxConcurrentWrites, ILogger<PostgresStorage>? log = null, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentWrites, 1);
        Source = source;
        this.log = log;
        gate = new SemaphoreSlim(maxConcurrentWrites, maxConcurrentWrites);
        SchemaVersion = PgMigrations.Run(source, log, timeZone);
    }

    public NpgsqlDataSource Source { get; }

    /// <summary>The schema version after the migrations of this start.</summary>
    public int SchemaVersion { get; }

    /// <summary>Transactions run again after a serialization conflict, and transactions committed, since start.</summary>
    public (long Retries, long Commits) Statistics => (Interlocked.Read(ref retries), Interlocked.Read(ref commits));

    /// <summary>True on a thread that runs work of this store's transaction.</summary>
    public bool InTransaction => current?.Owner == this;

    public Task<T> WriteAsync<T>(Func<ITransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        RefuseNested();
        return RunAsync(work);
    }

    public Task WriteAsync(Action<ITransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        RefuseNested();
        return RunAsync<object?>(tx =>
        {
            work(tx);
            return null;
        });
    }

    public T Write<T>(Func<ITransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        RefuseNested();
        return RunAsync(work).GetAwaiter().GetResult();
    }

    public void Write(Action<ITransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        RefuseNested();
        RunAsync<object?>(tx =>
        {
            work(tx);
            return null;
        }).GetAwaiter().GetResult();
    }

    private static void RefuseNested()
    {
        if (current is not null)
        {
            throw new InvalidOperationException("A write was started from work that already runs in a transaction; pass that transaction on instead.");
        }
    }

    private async Task<T> RunAsync<T>(Func<ITransaction, T> work)
    {
        await gate.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                PgTransaction tx;
                T result;
                await using (var connection = await Source.OpenConnectionAsync())
                {
                    await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable);
                    tx = new PgTransaction(this, connection, transaction);
                    try
                    {
                        current = tx;
                        try
                        {
                            result = work(tx);
                            tx.RunBeforeCommit();
                        }
                        finally
                        {
                            current = null;
                        }

                        await transaction.CommitAsync();
                    }
                    catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex) && (attempt < MaxAbortedAttempts || !IsAborted(ex)))
                    {
                        // Rolled back when the transaction is disposed; nothing of this attempt (steps, locals) survives.
                        RunRolledBack(tx);
                        Interlocked.Increment(ref retries);
                        log?.LogDebug("Transaction attempt {Attempt} lost a serialization conflict; running it again", attempt);
                        continue;
                    }
                    catch
                    {
                        RunRolledBack(tx);
                        throw;
                    }
                }

                Interlocked.Increment(ref commits);
                foreach (var action in tx.Committed)
                {
                    action();
                }

                return result;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The after-rollback steps of a failed attempt, before the work runs again. (A commit whose answer was lost on the
    /// wire counts as failed here, as it does for the caller, who is told the write failed.)
    /// </summary>
    private void RunRolledBack(PgTransaction tx)
    {
        foreach (var action in tx.RolledBack)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log?.LogError(ex, "An after-rollback action failed");
            }
        }
    }

    /// <summary>
    /// A serialization failure or a deadlock: PostgreSQL rolled the transaction back and running it again is the cure.
    /// Also "current transaction is aborted" (25P02): a statement of the work failed and something in the work caught
    /// that and went on — features may, by design (an outcome recorder's or engagement observer's failure is logged and
    /// must not undo a send), and the embedded store has no such state — so the failure that aborted it, most often a
    /// serialization conflict raised at a statement, is lost; the work runs again on a fresh transaction, and a failure
    /// that is not transient fails every attempt and surfaces.
    /// </summary>
    internal static bool IsConflict(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException
                {
                    SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.InFailedSqlTransaction,
                })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAborted(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.InFailedSqlTransaction })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The work's transaction when called from it; else null (the read takes a pooled connection).</summary>
    private PgTransaction? Ambient => current is { } tx && ReferenceEquals(tx.Owner, this) ? tx : null;

    /// <summary>A read: in the running work's transaction, or on a pooled connection over committed data.</summary>
    public T Read<T>(Func<IDbConnection, IDbTransaction?, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Ambient is { } tx)
        {
            return Translate(() => read(tx.Connection, tx.Transaction));
        }

        using var connection = Source.OpenConnection();
        return Translate(() => read(connection, null));
    }

    public List<T> Query<T>(string sql, object? param = null) => Read((c, t) => c.Query<T>(sql, param, t).AsList());

    public T? One<T>(string sql, object? param = null) => Read((c, t) => c.QueryFirstOrDefault<T>(sql, param, t));

    /// <summary>A write in <paramref name="tx"/>; a unique key taken becomes <see cref="DuplicateKeyException"/>.</summary>
    public int Execute(ITransaction tx, string sql, object? param = null)
    {
        var pg = PgTransaction.Of(tx, this);
        return Translate(() => pg.Connection.Execute(sql, param, pg.Transaction));
    }

    /// <summary>A write that returns rows (<c>RETURNING</c>, an upsert) in <paramref name="tx"/>.</summary>
    public List<T> Query<T>(ITransaction tx, string sql, object? param = null)
    {
        var pg = PgTransaction.Of(tx, this);
        return Translate(() => pg.Connection.Query<T>(sql, param, pg.Transaction).AsList());
    }

    /// <summary>The transaction's own connection, for what Dapper does not do (binary COPY).</summary>
    internal static NpgsqlConnection ConnectionOf(ITransaction tx, PostgresStorage storage) => PgTransaction.Of(tx, storage).Connection;

    private static T Translate<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateKeyException($"Unique key {ex.ConstraintName} of {ex.TableName} is taken.", ex);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
        {
            // A feature's catch inside the work must not swallow it (see StorageConflictException); IsConflict finds it
            // as the inner exception and the work runs again.
            throw new StorageConflictException($"The transaction lost a conflict with a concurrent one ({ex.SqlState}).", ex);
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        Source.Dispose();
    }
}
