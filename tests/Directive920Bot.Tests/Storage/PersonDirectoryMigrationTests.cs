using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive920Bot.Tests.Storage;

/// <summary>A database made before persons had ids of their own keeps every subscriber's id as their person id.</summary>
public sealed class PersonDirectoryMigrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-persons-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_version_6_file_maps_every_subscriber_telegram_address_to_their_own_id_and_keeps_their_data()
    {
        var path = Path.Combine(folder, "old.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 6 });
            var subscribers = old.GetCollection(SubscriberCollections.Subscribers);
            subscribers.Insert(new BsonDocument { ["_id"] = 3_001L, ["ChatId"] = 3_001L, ["Language"] = "vi", ["Status"] = "Active", ["FullName"] = "Trần Thị Mai", ["UnitCode"] = "SNV-VP", ["RegisteredAt"] = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc) });
            // Consented, not yet registered: consent was given, so their address is kept too.
            subscribers.Insert(new BsonDocument { ["_id"] = 4_503_599_627_370_000L, ["ChatId"] = 4_503_599_627_370_000L, ["Language"] = "en", ["Status"] = "Registering" });
        }

        using var host = Open(path);
        var services = host.Services;

        var directory = services.GetRequiredService<IPersonDirectory>();
        Assert.Equal(3_001, directory.Find(ChannelAddress.ForTelegram(3_001)));
        Assert.Equal([ChannelAddress.ForTelegram(3_001)], directory.AddressesOf(3_001));
        Assert.Equal(4_503_599_627_370_000, directory.Find(ChannelAddress.ForTelegram(4_503_599_627_370_000)));
        Assert.Equal("Trần Thị Mai", services.GetRequiredService<ISubscribers>().Find(3_001)!.FullName);
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(services.GetRequiredService<Database>().Lite));
    }

    [Fact]
    public void The_migration_of_an_empty_file_stores_no_address()
    {
        using var host = Open(Path.Combine(folder, "new.db"));

        Assert.Equal(0, host.Services.GetRequiredService<Database>().Lite.GetCollection(Directive920Bot.Storage.LiteDb.Channels.PersonCollections.Addresses).Count());
    }

    private static IHost Open(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] = path;
        builder.AddStoreProvider();
        return builder.Build();
    }
}
