using LiteDB;

namespace Directive920Bot.Storage;

/// <summary>Schema version document and the ordered migration steps applied at start.</summary>
public static class Migrations
{
    public const int CurrentVersion = 2;
    private const string MetaCollection = "_meta";

    private static readonly SortedDictionary<int, Action<ILiteDatabase>> Steps = new()
    {
        // v1: the first schema; collections and indexes are created by each feature's IStoreSchema.
        [1] = _ => { },
        // v2: the ledger's ItemId index served no query; every ledger write paid for it.
        [2] = db => db.GetCollection("deliveries").DropIndex("ItemId"),
    };

    public static int Run(ILiteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meta = db.GetCollection(MetaCollection);
        var doc = meta.FindById("schema");
        var version = doc?["version"].AsInt32 ?? 0;
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is version {version}, newer than this program's {CurrentVersion}. Use a newer release.");
        }

        foreach (var (target, step) in Steps.Where(s => s.Key > version))
        {
            db.BeginTrans();
            step(db);
            meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = target });
            db.Commit();
            version = target;
        }

        return version;
    }

    public static int ReadVersion(ILiteDatabase db) =>
        db?.GetCollection(MetaCollection).FindById("schema")?["version"].AsInt32 ?? 0;
}
