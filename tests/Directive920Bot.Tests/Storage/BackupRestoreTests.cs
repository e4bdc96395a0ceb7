using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

public sealed class BackupRestoreTests
{
    private const string AdminKey = "YmFja3VwLXRlc3Qta2V5LW5vdC1yZWFsLTAxMjM0NTY3ODlhYg";

    [Fact]
    public async Task A_backup_taken_while_a_broadcast_sends_restores_into_a_fresh_store_that_finishes_the_broadcast_without_duplicates()
    {
        BotHarness.StayOnLiteDb("backups and restores are the embedded store's files; on PostgreSQL they are the operator's");
        var settings = DeliveryKit.Settings(("Delivery:MessagesPerSecond", "40"), ("Admin:ApiKeys:ops", AdminKey), ("Backup:Daily", "false"));
        var ids = Enumerable.Range(4000, 160).Select(i => (long)i).ToList();
        var backup = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"), "backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        string campaignId;
        IReadOnlyDictionary<string, long> backupCounts;
        await using (var source = await BotHarness.StartAsync(settings))
        {
            foreach (var id in ids)
            {
                source.Seed(id, "STC-NS");
            }

            campaignId = source.Announce("Sao lưu giữa chừng.", new AudienceRequest(["STC"])).Id;
            await source.Emulator.WaitUntilAsync(() => source.Get<CampaignService>().Progress(campaignId).Sent >= 20, TimeSpan.FromSeconds(30));

            using var output = new StringWriter();
            // The running service holds the store: the verb goes through the admin API, which copies on the writer.
            Assert.Equal(0, await source.RunCliAsync(output, "backup", backup, "--api", source.WebUrl.ToString(), "--api-key", AdminKey));
            Assert.True(source.Get<CampaignService>().Progress(campaignId).Remaining > 0, "the backup was meant to be taken mid-broadcast");
            // Opening it directly is refused while the service runs, and so is a restore over it.
            Assert.Equal(Cli.DatabaseInUse, await source.RunCliAsync(new StringWriter(), "backup", backup + ".direct", "--database", source.DatabasePath));
            Assert.Equal(Cli.DatabaseInUse, await source.RunCliAsync(new StringWriter(), "restore", backup, "--database", source.DatabasePath));
            backupCounts = source.Get<IStoreFiles>().Inspect(backup).Counts;
            Assert.Contains($"({backupCounts.Values.Sum()} documents)", output.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(backup));
        var states = StatesIn(backup, campaignId);
        Assert.InRange(states.Count(s => s.Value == DeliveryState.Sent), 20, ids.Count - 1);

        await using var restored = await BotHarness.StartAsync(settings, importDemoUnits: false);
        foreach (var id in ids)
        {
            restored.User(id);
        }

        await restored.StopHostAsync();
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await restored.RunCliAsync(output, "restore", backup, "--database", restored.DatabasePath));
            Assert.Contains("kept as", output.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(backupCounts, new LiteDbStoreFiles().Inspect(restored.DatabasePath).Counts);
        await restored.StartHostAsync();
        await restored.DrainAsync(campaignId, timeout: TimeSpan.FromSeconds(60));

        foreach (var (chat, state) in states)
        {
            // Sent before the backup: never again. Pending (or in flight) at the backup: exactly once from the restored store.
            Assert.Equal(state == DeliveryState.Sent ? 0 : 1, restored.BotMessages(chat).Count);
        }

        Assert.All(restored.Get<DeliveryLedger>().ForCampaign(campaignId), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task The_daily_backup_is_encrypted_with_the_configured_key_kept_to_the_configured_number_and_private()
    {
        BotHarness.StayOnLiteDb("backups and restores are the embedded store's files; on PostgreSQL they are the operator's");
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var directory = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Backup:Daily"] = "true",
            ["Backup:Directory"] = directory,
            ["Backup:Keep"] = "2",
            ["Backup:EncryptionKey"] = key,
        });
        bot.Seed(4301, "SNV");

        for (var day = 0; day < 3; day++)
        {
            await bot.RunJobAsync(new Quartz.JobKey(BackupJob.Name));
            if (day == 0)
            {
                // The job wakes hourly; the same day's second wake writes nothing.
                bot.Clock.Advance(TimeSpan.FromHours(1));
                await bot.RunJobAsync(new Quartz.JobKey(BackupJob.Name));
                Assert.Single(Directory.GetFiles(directory));
            }

            bot.Clock.Advance(TimeSpan.FromDays(1));
        }

        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(f)));
        Assert.All(files, f => Assert.True(BackupService.IsEncrypted(f)));
        var plain = Path.Combine(directory, "plain.db");
        await File.WriteAllBytesAsync(plain, BackupService.Decrypt(await File.ReadAllBytesAsync(files[^1]), Convert.FromBase64String(key)));
        Assert.Equal(1, bot.Get<IStoreFiles>().Inspect(plain).Counts["subscribers"]);
        var tampered = await File.ReadAllBytesAsync(files[^1]);
        tampered[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => BackupService.Decrypt(tampered, Convert.FromBase64String(key)));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_directive920bot_store_and_changes_nothing()
    {
        BotHarness.StayOnLiteDb("backups and restores are the embedded store's files; on PostgreSQL they are the operator's");
        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();
        var before = await File.ReadAllBytesAsync(bot.DatabasePath);
        var foreign = Path.Combine(bot.DataDirectory, "foreign.db");
        using (var lite = new LiteDatabase(foreign))
        {
            lite.GetCollection("things").Insert(new BsonDocument { ["_id"] = 1 });
        }

        var text = Path.Combine(bot.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database");
        using var output = new StringWriter();

        Assert.Equal(1, await bot.RunCliAsync(output, "restore", foreign, "--database", bot.DatabasePath));
        Assert.Equal(1, await bot.RunCliAsync(output, "restore", text, "--database", bot.DatabasePath));
        Assert.Contains("not a Directive920Bot store", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(bot.DatabasePath));
        await bot.StartHostAsync();
    }

    [Fact]
    public void A_store_with_a_newer_schema_is_refused_with_both_versions_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"), "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var lite = new LiteDatabase(path))
        {
            lite.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = Migrations.CurrentVersion + 1 });
        }

        var error = Assert.Throws<InvalidOperationException>(() => new Database(path, Mapper.Create(), [], TimeProvider.System));

        Assert.Contains($"version {Migrations.CurrentVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Migrations.CurrentVersion}", error.Message.Replace($"version {Migrations.CurrentVersion + 1}", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_needs_migrating_is_copied_before_the_migration_runs()
    {
        var path = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"), "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var lite = new LiteDatabase(path))
        {
            lite.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 5 });
            lite.GetCollection("deliveries").Insert(new BsonDocument { ["_id"] = "c:x:1:1" });
        }

        using (var db = new Database(path, Mapper.Create(), [], TimeProvider.System))
        {
            Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(db.Lite));
        }

        using var copy = new LiteDatabase(new ConnectionString { Filename = path + ".v5.bak", ReadOnly = true });
        Assert.Equal(5, Migrations.ReadVersion(copy));
        Assert.Equal(1, copy.GetCollection("deliveries").Count());
    }

    private static Dictionary<long, DeliveryState> StatesIn(string path, string campaignId)
    {
        using var lite = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true }, Mapper.Create());
        return lite.GetCollection<DeliveryRow>("deliveries").Find(r => r.CampaignId == campaignId).ToDictionary(r => r.SubscriberId, r => r.State);
    }
}
