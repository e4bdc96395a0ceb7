using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Storage;

/// <summary>Issue #15 item 4: the database, its log and its folder are owner-only on every start and write, and so are CLI exports.</summary>
public sealed class OwnerOnlyFilesTests
{
    private const UnixFileMode Loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode LooseDirectory = Loose | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    [Fact]
    public async Task A_database_and_folder_loosened_while_the_service_was_stopped_are_owner_only_again_after_the_next_start()
    {
        BotHarness.StayOnLiteDb("the modes of the LiteDB file and folder");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();
        File.SetUnixFileMode(bot.DatabasePath, Loose);
        File.SetUnixFileMode(bot.DataDirectory, LooseDirectory);

        await bot.StartHostAsync();

        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(bot.DatabasePath));
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(bot.DataDirectory));
    }

    [Fact]
    public async Task A_database_loosened_while_running_is_owner_only_again_after_the_next_write()
    {
        BotHarness.StayOnLiteDb("the modes of the LiteDB file and folder");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var bot = await BotHarness.StartAsync();
        File.SetUnixFileMode(bot.DatabasePath, Loose);

        await bot.RegisterAsync(3401);

        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(bot.DatabasePath));
        var log = bot.Get<Directive920Bot.Storage.LiteDb.Database>().LogPath;
        if (File.Exists(log))
        {
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(log));
        }
    }

    [Fact]
    public void A_CLI_export_is_written_owner_only_even_over_a_file_that_was_readable_by_all()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("d920-export-").FullName, "report.docx");
        File.WriteAllBytes(path, [1]);
        File.SetUnixFileMode(path, Loose);

        OwnerOnly.WriteAllBytes(path, [1, 2, 3]);

        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(path));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
