using LiteDB;
using LiteDB.Engine;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// The LiteDB engine behind every <see cref="LiteDatabase"/> call of the process, made safe to share:
/// <list type="bullet">
/// <item>one call at a time: LiteDB 5.0.21's page cache can hand a reader a page buffer that another thread is
/// recycling (litedb-org/LiteDB#2817), which halts the engine; with calls serialised that cannot happen;</item>
/// <item>every write made outside a transaction on another thread is handed to the database writer, so only the writer
/// ever holds LiteDB's collection locks and no call can wait inside the engine while holding the serialising lock;</item>
/// <item>a query cursor takes the engine for each step only.</item>
/// </list>
/// </summary>
internal sealed class SerializedEngine(LiteEngine inner, Func<Func<int>, int> onWriter) : ILiteEngine
{
    private readonly Lock gate = new();

    public IBsonDataReader Query(string collection, Query query)
    {
        lock (gate)
        {
            return new LockedReader(inner.Query(collection, query), gate);
        }
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(() => inner.DropCollection(name) ? 1 : 0) == 1;

    public bool RenameCollection(string name, string newName) => Write(() => inner.RenameCollection(name, newName) ? 1 : 0) == 1;

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        Write(() => inner.EnsureIndex(collection, name, expression, unique) ? 1 : 0) == 1;

    public bool DropIndex(string collection, string name) => Write(() => inner.DropIndex(collection, name) ? 1 : 0) == 1;

    public BsonValue Pragma(string name)
    {
        lock (gate)
        {
            return inner.Pragma(name);
        }
    }

    public bool Pragma(string name, BsonValue value) => Write(() => inner.Pragma(name, value) ? 1 : 0) == 1;

    public int Checkpoint() => Write(inner.Checkpoint);

    public long Rebuild(RebuildOptions options)
    {
        lock (gate)
        {
            return inner.Rebuild(options);
        }
    }

    // Transactions are opened, committed and rolled back only by the writer (and by migrations before it starts).
    public bool BeginTrans()
    {
        lock (gate)
        {
            return inner.BeginTrans();
        }
    }

    public bool Commit()
    {
        lock (gate)
        {
            return inner.Commit();
        }
    }

    public bool Rollback()
    {
        lock (gate)
        {
            return inner.Rollback();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            inner.Dispose();
        }
    }

    private int Write(Func<int> write) => onWriter(() =>
    {
        lock (gate)
        {
            return write();
        }
    });

    /// <summary>
    /// A query cursor whose every step holds the engine: results stream (a 100,000-row scan is not kept in memory)
    /// and nothing is held between steps, so the reader may write or await between rows. LiteDB's automatic
    /// checkpoint only tries for exclusivity, so an open cursor never blocks a commit.
    /// </summary>
    private sealed class LockedReader(IBsonDataReader reader, Lock gate) : IBsonDataReader
    {
        public BsonValue this[string field] => reader[field];

        public string Collection => reader.Collection;

        public BsonValue Current => reader.Current;

        public bool HasValues => reader.HasValues;

        public bool Read()
        {
            lock (gate)
            {
                return reader.Read();
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                reader.Dispose();
            }
        }
    }
}
