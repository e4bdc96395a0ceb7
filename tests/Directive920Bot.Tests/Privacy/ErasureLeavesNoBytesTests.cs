using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 §5: after /delete and a compaction, the raw bytes of the database file and its log hold neither the
/// person's name (UTF-8 or UTF-16) nor their Telegram id as text — not in live records, not in free pages.
/// </summary>
public sealed class ErasureLeavesNoBytesTests
{
    private const long CadreId = 7318204659;
    private const string Name = "Hoàng Thị Quỳnh Xuyến";

    [Fact]
    public async Task After_delete_and_compaction_the_database_files_hold_neither_the_name_nor_the_telegram_id()
    {
        // The raw bytes of the LiteDB file and its log after a compaction. On PostgreSQL the rows are gone from every
        // later snapshot (LifecycleCommandTests searches every table) and VACUUM reuses their space; bytes in WAL segments,
        // base backups and replicas are under the operator's retention (README, Operations, PostgreSQL).
        BotHarness.StayOnLiteDb("searches the bytes of the LiteDB database file and its log");
        // Without the daily backup: the job looks as soon as the scheduler runs, and a backup it happened to write after
        // the registration (a slow start; seen once in CI) is a copy kept under Backup:Keep's retention, not this file.
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Backup:Daily"] = "false" });
        var cadre = await bot.RegisterAsync(CadreId, Name);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 3);
        var ask = await bot.SayAsync(cadre.Id, "/gopy");
        await bot.PressAndExpectReplyAsync(cadre.Id, ask, "Gửi kèm tên");
        var preview = await bot.SayAsync(cadre.Id, "Góp ý của " + Name + " về việc học tập Thông báo.");
        await PressAsync(bot, cadre.Id, preview.MessageId, "Gửi góp ý");
        // An admin's action about them and one of theirs: the audit log names them twice.
        bot.Get<RoleService>().Grant(AuditLog.Console, CadreId, AdminRole.UnitAdmin, "SNV-VP");
        bot.Get<AuditLog>().Write(CadreId, "export", "SNV-VP", "members.csv (bot)");
        // Before: the name and the id are in the file (otherwise the test below proves nothing).
        await bot.Get<IStorageMaintenance>().CompactAsync();
        Assert.NotEmpty(Occurrences(bot));

        var confirm = await bot.SayAsync(cadre.Id, "/delete");
        await bot.PressAsync(cadre.Id, confirm, "🗑 Xóa dữ liệu cá nhân");
        await WaitUntilAsync(() => bot.Get<ISubscribers>().Find(CadreId) is null);
        await SettleAsync(bot);
        await bot.Get<IStorageMaintenance>().CompactAsync();

        Assert.Empty(Occurrences(bot));
    }

    /// <summary>Every file of the data folder (the database, its log, anything a rebuild left) searched for the name and the id.</summary>
    private static List<string> Occurrences(BotHarness bot)
    {
        var needles = new Dictionary<string, byte[]>
        {
            ["name (UTF-8)"] = Encoding.UTF8.GetBytes(Name),
            ["name (UTF-16)"] = Encoding.Unicode.GetBytes(Name),
            ["given name (UTF-8)"] = Encoding.UTF8.GetBytes("Quỳnh Xuyến"),
            ["id (text)"] = Encoding.ASCII.GetBytes(CadreId.ToString(CultureInfo.InvariantCulture)),
            ["id (UTF-16 text)"] = Encoding.Unicode.GetBytes(CadreId.ToString(CultureInfo.InvariantCulture)),
        };
        var found = new List<string>();
        // The lock file holds only the process id and is locked exclusively while the service runs.
        foreach (var file in Directory.EnumerateFiles(bot.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            found.AddRange(needles.Where(n => bytes.AsSpan().IndexOf(n.Value) >= 0).Select(n => $"{Path.GetFileName(file)}: {n.Key}"));
        }

        return found;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
