using LiteDB;

namespace Directive920Bot.Storage;

/// <summary>
/// Counts per key (a unit code, say) in one small collection, one document per key with one integer per counted field,
/// changed in the transaction of the write they count: a report reads a handful of these documents instead of
/// counting the documents they stand for. Changes made during a transaction are gathered in memory and written once
/// at its end (<see cref="ICommitParticipant"/>), so an import of thousands of rows writes each key once.
/// The owning store is the only writer of both its collection and this one.
/// </summary>
public sealed class CountTable(Database db, string collection) : ICommitParticipant
{
    // Documents changed by the transaction under way; only the database writer touches it.
    private readonly Dictionary<string, BsonDocument> pending = new(StringComparer.Ordinal);

    public string Collection { get; } = collection;

    /// <summary>Adds <paramref name="delta"/> to <paramref name="field"/> of <paramref name="key"/>; only inside a transaction.</summary>
    public void Add(string key, string field, int delta)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(field);
        if (delta == 0)
        {
            return;
        }

        if (!pending.TryGetValue(key, out var doc))
        {
            // Enlisting first throws outside the writer before anything is gathered that would never be written.
            db.EnlistBeforeCommit(this);
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

    void ICommitParticipant.BeforeCommit()
    {
        if (pending.Count > 0)
        {
            db.Lite.GetCollection(Collection).Upsert(pending.Values);
            pending.Clear();
        }
    }

    void ICommitParticipant.Discard() => pending.Clear();
}
