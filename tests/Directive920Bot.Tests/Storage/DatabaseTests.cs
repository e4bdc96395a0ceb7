using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Storage;

public sealed class DatabaseTests
{
    [Fact]
    public async Task The_database_file_is_created_in_its_directory_readable_by_the_owner_only()
    {
        BotHarness.StayOnLiteDb("the LiteDB file and its mode");
        await using var bot = await BotHarness.StartAsync();

        Assert.True(File.Exists(bot.DatabasePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(bot.DatabasePath));
        }
    }

    [Fact]
    public async Task The_schema_version_is_recorded_and_a_newer_database_is_refused()
    {
        BotHarness.StayOnLiteDb("the LiteDB file's schema version and its migrations (PostgresProviderTests has the server's)");
        await using var bot = await BotHarness.StartAsync();
        var db = bot.Get<Database>().Lite;
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(db));

        db.GetCollection("_meta").Upsert(new LiteDB.BsonDocument { ["_id"] = "schema", ["version"] = Migrations.CurrentVersion + 1 });
        var error = Assert.Throws<InvalidOperationException>(() => Migrations.Run(db));
        Assert.Contains("newer than this program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instants_are_read_back_as_utc()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(3001);
        await bot.RestartAsync();

        var stored = bot.Get<Directive920Bot.Registration.ISubscribers>().Find(3001)!;
        Assert.Equal(DateTimeKind.Utc, stored.ConsentAt.Kind);
        Assert.Equal(BotHarness.DefaultStart.UtcDateTime, stored.ConsentAt);
    }
}
