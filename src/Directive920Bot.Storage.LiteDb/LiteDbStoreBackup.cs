using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// A backup is a logical copy made on the database writer: while the copy runs no transaction commits (the writer is
/// single), and the copy reads in one transaction, so every collection is taken at the same instant. The copy gets the
/// same indexes (the features' schemas) and is checkpointed into one file. Copying the data file instead would need
/// its write-ahead log copied at the same instant and a file LiteDB holds open; this needs neither.
/// </summary>
internal sealed class LiteDbStoreBackup(Database db, IEnumerable<StoreSchema> schemas) : IStoreBackup
{
    public string? ManagedByOperator => null;

    public Task<StoreSnapshot> CopyToAsync(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return db.WriteAsync(_ =>
        {
            LiteDbStoreFiles.Delete(full);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var copy = new LiteDatabase(new ConnectionString { Filename = full }, db.Mapper))
            {
                copy.UtcDate = true;
                LiteDbStoreFiles.Restrict(full);
                foreach (var name in db.Lite.GetCollectionNames().Order(StringComparer.Ordinal))
                {
                    var target = copy.GetCollection(name);
                    long count = 0;
                    foreach (var chunk in db.Lite.GetCollection(name).FindAll().Chunk(1000))
                    {
                        count += target.InsertBulk(chunk);
                    }

                    counts[name] = count;
                }

                foreach (var schema in schemas)
                {
                    schema.Prepare(copy, db.Mapper);
                }

                copy.Checkpoint();
            }

            return new StoreSnapshot(Migrations.ReadVersion(db.Lite), Migrations.CurrentVersion, counts);
        });
    }

    public IReadOnlyDictionary<string, long> Counts() => LiteDbStoreFiles.CountsOf(db.Lite);
}
