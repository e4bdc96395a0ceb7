using Directive920Bot.Admin;
using Directive920Bot.Registration;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>Campaign changes and exports made with the CLI leave audit entries too, and a bad date is refused politely.</summary>
public sealed class CliAuditTests
{
    [Fact]
    public async Task Campaign_changes_and_exports_through_the_cli_are_audited_with_the_console_as_actor()
    {
        await using var bot = await StartAsync();
        var docx = Path.Combine(bot.DataDirectory, "thematic.docx");
        await bot.StopHostAsync();

        var (code, output) = await RunAsync(bot, "campaign", "create", "--lesson", "c1-context", "--all", "--at", "2099-01-05T08:00:00+07:00", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var id = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');
        Assert.Equal(0, (await RunAsync(bot, "campaign", "cancel", id, "--database", bot.DatabasePath)).Code);
        Assert.Equal(0, (await RunAsync(bot, "report", "units", "--database", bot.DatabasePath)).Code);
        (code, output) = await RunAsync(bot, "report", "thematic", "--unit", "SNV", "--from", "2026-11-01", "--to", "2026-11-30", "--out", docx, "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        (code, output) = await RunAsync(bot, "report", "thematic", "--unit", "SNV", "--from", "01/11/2026", "--out", docx, "--database", bot.DatabasePath);
        Assert.Equal(2, code);
        Assert.Contains("--from: '01/11/2026' is not a date such as 2026-11-01.", output, StringComparison.Ordinal);

        await bot.StartHostAsync();
        var entries = bot.Get<AuditLog>().Recent();
        Assert.All(entries.Where(e => e.Details.Contains("cli", StringComparison.Ordinal)), e => Assert.Equal(AuditLog.Console, e.Actor));
        Assert.Contains(entries, e => e.Action == "campaign.create" && e.Target == id);
        Assert.Contains(entries, e => e.Action == "campaign.cancel" && e.Target == id);
        Assert.Contains(entries, e => e.Action == "export" && e.Details == "units.csv (cli)");
        Assert.Single(entries, e => e.Action == "export" && e.Target == "SNV" && e.Details == "thematic.docx 2026-11-01..2026-11-30 (cli)");
    }

    private static async Task<(int Code, string Output)> RunAsync(Infrastructure.BotHarness bot, params string[] args)
    {
        using var output = new StringWriter();
        var code = await bot.RunCliAsync(output, args);
        return (code, output.ToString());
    }
}
