using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>Indexes that no query uses but every write paid for are dropped from files made by earlier versions.</summary>
public sealed class IndexMigrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-migrate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_version_1_file_loses_the_unused_ledger_and_acknowledgement_indexes_and_keeps_its_rows()
    {
        var path = Path.Combine(folder, "old.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 1 });
            var deliveries = old.GetCollection("deliveries");
            deliveries.EnsureIndex("ItemId");
            deliveries.Insert(new BsonDocument { ["_id"] = "c:x:1:1", ["ItemId"] = "c1-context" });
            var acks = old.GetCollection("eng_acks");
            acks.EnsureIndex("ItemId");
            acks.EnsureIndex("DeliveryId");
            acks.EnsureIndex("Subject");
            acks.EnsureIndex("UnitCode");
            acks.Insert(new BsonDocument { ["_id"] = "1:c1-context:h", ["ItemId"] = "c1-context", ["DeliveryId"] = "c:x:1:1", ["Subject"] = "c1-context" });
        }

        using var db = new Database(path, Mapper.Create(), [], TimeProvider.System);

        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(db.Lite));
        var indexes = db.Lite.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();
        Assert.DoesNotContain("deliveries.ItemId", indexes);
        Assert.DoesNotContain("eng_acks.ItemId", indexes);
        Assert.DoesNotContain("eng_acks.DeliveryId", indexes);
        Assert.DoesNotContain("eng_acks.UnitCode", indexes);
        Assert.Contains("eng_acks.Subject", indexes);
        Assert.Equal(1, db.Lite.GetCollection("deliveries").Count());
        Assert.Equal(1, db.Lite.GetCollection("eng_acks").Count());
    }
}
