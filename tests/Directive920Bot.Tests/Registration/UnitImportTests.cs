using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class UnitImportTests
{
    private static ImportResult Import(BotHarness bot, string csv) =>
        bot.Get<UnitImporter>().Import("units.csv", new StringReader(csv));

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_imported()
    {
        await using var bot = await BotHarness.StartAsync(importDemoUnits: false);
        var result = Import(bot, "code,name,parent_code\nA,Khối A,\nB,,A\nC c,Đơn vị C,A\nA,Trùng,\nD,Đơn vị D,ZZ\nE,Đơn vị E,E\n");

        Assert.False(result.Ok);
        Assert.Contains("units.csv:3: name must be 1–200 printable characters", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("units.csv:4: code 'C C'", StringComparison.Ordinal));
        Assert.Contains("units.csv:5: duplicate code 'A' (first on line 2)", result.Errors);
        Assert.Contains("units.csv:6: parent_code 'ZZ' is neither in this file nor already imported", result.Errors);
        Assert.Contains("units.csv:7: unit 'E' cannot be its own parent", result.Errors);
        Assert.Equal(0, bot.Get<IUnits>().Count());
    }

    [Fact]
    public async Task A_missing_column_is_reported_on_the_header_line()
    {
        await using var bot = await BotHarness.StartAsync(importDemoUnits: false);
        var result = Import(bot, "code,name\nA,Khối A\n");

        Assert.Equal(["units.csv:1: missing column 'parent_code' (expected code,name,parent_code)"], result.Errors);
    }

    [Fact]
    public async Task A_cycle_between_two_units_is_refused()
    {
        await using var bot = await BotHarness.StartAsync(importDemoUnits: false);
        var result = Import(bot, "code,name,parent_code\nA,Đơn vị A,B\nB,Đơn vị B,A\n");

        Assert.Contains(result.Errors, e => e.Contains("cycle", StringComparison.Ordinal));
        Assert.Equal(0, bot.Get<IUnits>().Count());
    }

    [Fact]
    public async Task Reimport_updates_names_and_parents_and_keeps_invite_codes_and_members()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2901, "Nguyễn Văn An", "SNV-VP");
        var before = bot.Get<IUnits>().Find("SNV-VP")!;

        var result = Import(bot, "code,name,parent_code\nSNV-VP,Văn phòng Sở (tên mới),STC\n");

        Assert.True(result.Ok);
        Assert.Equal((0, 1), (result.Added, result.Updated));
        var after = bot.Get<IUnits>().Find("SNV-VP")!;
        Assert.Equal("Văn phòng Sở (tên mới)", after.Name);
        Assert.Equal("/KHOI/STC/SNV-VP/", after.Path);
        Assert.Equal(before.InviteCode, after.InviteCode);
        Assert.Equal("SNV-VP", bot.Get<ISubscribers>().Find(2901)!.UnitCode);
        Assert.Contains(bot.Get<IUnits>().SubTree("STC"), u => u.Code == "SNV-VP");
    }

    [Fact]
    public async Task The_units_import_verb_prints_line_numbered_errors_and_exits_non_zero()
    {
        var dir = Directory.CreateTempSubdirectory("d920-cli");
        try
        {
            var file = Path.Combine(dir.FullName, "bad.csv");
            await File.WriteAllTextAsync(file, "code,name,parent_code\nA,,\n");
            var output = new StringWriter();

            var exit = await Directive920Bot.Hosting.Cli.RunAsync(["units", "import", file, "--database", Path.Combine(dir.FullName, "cli.db")], Directive920Bot.Hosting.AppComposition.CliContext(output));

            Assert.Equal(1, exit);
            Assert.Contains("bad.csv:2: name must be 1–200 printable characters", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
