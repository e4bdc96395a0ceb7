using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Hosting;

/// <summary>
/// LiteDB's direct mode lets a second process open the file under the running service, so every verb that opens the
/// database refuses while the service holds its lock, not only the campaign verbs.
/// </summary>
public sealed class CliInstanceLockTests
{
    private const long NewAdmin = 8101;

    [Fact]
    public async Task While_the_service_runs_every_verb_that_opens_the_database_exits_3_with_the_reason_and_changes_nothing()
    {
        // The LiteDB file's instance lock: a PostgreSQL store is shared by design (instances and the CLI at once; the
        // clustered scheduler and the dispatcher lease keep them apart), so it has no such lock to test.
        BotHarness.StayOnLiteDb("the LiteDB file's instance lock, which a shared PostgreSQL store has not by design");
        await using var bot = await BotHarness.StartAsync();
        var (units, roster) = await WriteImportFilesAsync(bot);
        var before = Snapshot(bot);

        string[][] verbs =
        [
            .. WritingVerbs(bot, units, roster),
            // Verbs that only read open the file too (direct mode: one process at a time).
            ["units", "list", "--database", bot.DatabasePath],
            ["roles", "--database", bot.DatabasePath],
            ["report", "units", "--database", bot.DatabasePath],
        ];
        foreach (var verb in verbs)
        {
            var (code, output) = await RunAsync(bot, verb);

            Assert.True(code == 3, $"{string.Join(' ', verb)} exited {code}: {output}");
            Assert.Contains("The database is in use by the running service", output, StringComparison.Ordinal);
            Assert.Contains($"{bot.DatabasePath} is locked by the running service.", output, StringComparison.Ordinal);
            Assert.Contains("/api/", output, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task Once_the_service_has_stopped_units_import_roster_import_and_grant_work()
    {
        await using var bot = await BotHarness.StartAsync();
        var (units, roster) = await WriteImportFilesAsync(bot);
        await bot.StopHostAsync();

        foreach (var verb in WritingVerbs(bot, units, roster))
        {
            var (code, output) = await RunAsync(bot, verb);
            Assert.True(code == 0, $"{string.Join(' ', verb)} exited {code}: {output}");
        }

        await bot.StartHostAsync();
        Assert.NotNull(bot.Get<IUnits>().Find("SMOI"));
        Assert.Contains(bot.Get<IRoster>().All(), e => e.FullName == "Bùi Văn Hiếu" && e.UnitCode == "SMOI");
        Assert.Contains(bot.Get<IRoles>().All(), r => r.UserId == NewAdmin && r.Role == AdminRole.BlocAdmin);
    }

    private static string[][] WritingVerbs(BotHarness bot, string units, string roster) =>
    [
        ["units", "import", units, "--database", bot.DatabasePath],
        ["roster", "import", roster, "--database", bot.DatabasePath],
        ["grant", NewAdmin.ToString(System.Globalization.CultureInfo.InvariantCulture), "bloc", "--database", bot.DatabasePath],
    ];

    private static async Task<(string Units, string Roster)> WriteImportFilesAsync(BotHarness bot)
    {
        var units = Path.Combine(bot.DataDirectory, "units.csv");
        var roster = Path.Combine(bot.DataDirectory, "roster.csv");
        await File.WriteAllTextAsync(units, "code,name,parent_code\nSMOI,Sở Mới,\n");
        await File.WriteAllTextAsync(roster, "full_name,unit_code,role\nBùi Văn Hiếu,SMOI,staff\n");
        return (units, roster);
    }

    /// <summary>What the three writing verbs would change, and the audit log they would write to.</summary>
    private static (string Units, int Roster, string Roles, int Audit) Snapshot(BotHarness bot) =>
        (string.Join(',', bot.Get<IUnits>().All().Select(u => u.Code)), bot.Get<IRoster>().All().Count,
            string.Join(',', bot.Get<IRoles>().All().Select(r => $"{r.UserId}:{r.Role}:{r.UnitCode}")), bot.Get<AuditLog>().Count());

    private static async Task<(int Code, string Output)> RunAsync(BotHarness bot, string[] args)
    {
        using var output = new StringWriter();
        var code = await bot.RunCliAsync(output, args);
        return (code, output.ToString());
    }
}
