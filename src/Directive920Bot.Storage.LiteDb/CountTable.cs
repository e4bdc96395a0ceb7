using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Counts per key (a unit code, say) in one small collection, one document per key with one integer per counted field,
/// changed in the transaction of the write they count: a report reads a handful of these documents instead of
/// counting the documents they stand for. Changes made during a transaction are gathered in memory and written once
/// at its end (<see cref="ITransaction.BeforeCommit"/>), so an import of thousands of rows writes each key once.
/// The owning store is the only writer of both its collection and this one.
/// </summary>
public sealed class CountTable(Database db, string collection)
{
    public string Collection { get; } = collection;

    /// <summary>Adds <paramref name="delta"/> to <paramref name="field"/> of <paramref name="key"/> in <paramref name="tx"/>.</summary>
    public void Add(ITransaction tx, string key, string field, int delta)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(field);
        if (delta == 0)
        {
            return;
        }

        // Documents changed by this transaction, written once by its before-commit step; gone with a rollback.
        var pending = tx.Local<Pending>(this);
        if (!pending.TryGetValue(key, out var doc))
        {
            tx.BeforeCommit(this, _ => Write(pending));
            doc = db.Lite.GetCollection(Collection).FindById(key) ?? new BsonDocument { ["_id"] = key };
            pending[key] = doc;
        }

        doc[field] = (doc.TryGetValue(field, out var value) ? value.AsInt32 : 0) + delta;
    }

    /// <summary>Every key's committed counts (a field never counted reads as absent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> All() =>
        db.Lite.GetCollection(Collection).FindAll().ToDictionary(
            d => d["_id"].AsString,
            d => (IReadOnlyDictionary<string, int>)d.Where(f => f.Key != "_id").ToDictionary(f => f.Key, f => f.Value.AsInt32, StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>
    /// Replaces the whole table with counts of <paramref name="counted"/> (key and field per counted document); for a
    /// migration step or a reconciliation, inside its transaction.
    /// </summary>
    public static void Rebuild(ILiteDatabase database, string collection, IEnumerable<(string Key, string Field)> counted)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(counted);
        var counts = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var (key, field) in counted)
        {
            if (!counts.TryGetValue(key, out var doc))
            {
                counts[key] = doc = new BsonDocument { ["_id"] = key };
            }

            doc[field] = (doc.TryGetValue(field, out var value) ? value.AsInt32 : 0) + 1;
        }

        var table = database.GetCollection(collection);
        table.DeleteAll();
        table.InsertBulk(counts.Values);
    }

    private void Write(Dictionary<string, BsonDocument> pending)
    {
        if (pending.Count > 0)
        {
            db.Lite.GetCollection(Collection).Upsert(pending.Values);
            pending.Clear();
        }
    }

    private sealed class Pending : Dictionary<string, BsonDocument>
    {
        public Pending()
            : base(StringComparer.Ordinal)
        {
        }
    }
}
