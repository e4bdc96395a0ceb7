using System.Net;
using System.Text;
using System.Text.Json;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using MiniExcelLibs;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class RosterImportTests
{
    private const string Header = "full_name,unit_code,role,position,phone\n";

    [Fact]
    public async Task A_roster_with_errors_names_each_bad_line_and_imports_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var result = ImportRoster(bot, "roster.csv", Header +
            "Nguyễn Văn An,SNV-VP,staff,Chuyên viên,0900000001\n" +
            "X,SNV-VP,staff,,\n" +
            "Trần Thị Bình,NOPE,staff,,\n" +
            "Lê Văn Cường,SNV-VP,boss,,\n" +
            "Phạm Thị Dung,SNV-VP,leader,,12ab\n" +
            "Nguyễn Văn An,SNV-VP,staff,Chuyên viên,0900000001\n");

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:3: full_name", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:4: unit_code 'NOPE'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:5: role 'boss'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:6: phone", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:7: duplicate person", StringComparison.Ordinal) && e.Contains("line 2", StringComparison.Ordinal));
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_roster_without_the_required_columns_is_refused_on_line_one()
    {
        await using var bot = await BotHarness.StartAsync();
        var result = ImportRoster(bot, "roster.csv", "name,unit\nNguyễn Văn An,SNV-VP\n");

        Assert.Contains("roster.csv:1: missing column 'full_name' (expected full_name,unit_code,role,position,phone,dang_vien)", result.Errors);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_reimport_updates_people_keeps_invite_codes_and_links_and_retires_the_missing()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.True(ImportRoster(bot, "v1.csv", Header +
            "Đặng Thị Hằng,SNV-VP,staff,Chuyên viên,0900000007\n" +
            "Bùi Văn Hiếu,SNV-VP,staff,Chuyên viên,0900000008\n" +
            "Vũ Thị Mai,STC,leader,Phó Giám đốc Sở,\n").Ok);
        var store = bot.Get<IRoster>();
        var hang = store.All().Single(e => e.FullName == "Đặng Thị Hằng");
        var subscriber = await bot.RegisterAsync(3001, "Đặng Thị Hằng", "SNV-VP");
        var question = bot.BotMessages(3001)[^1];
        await bot.PressAsync(3001, question, "Đúng, chính xác");
        Assert.Equal(3001, store.Find(hang.Id)!.SubscriberId);

        var second = ImportRoster(bot, "v2.csv", Header +
            "Đặng Thị Hằng,SNV-VP,leader,Phó Chánh Văn phòng,0900000007\n" +
            "Ngô Văn Mới,SNV-VP,staff,,\n");

        Assert.True(second.Ok, string.Join('\n', second.Errors));
        Assert.Equal((1, 1, 1), (second.Added, second.Updated, second.Retired));
        var after = store.Find(hang.Id)!;
        Assert.Equal((hang.InviteCode, 3001L, CadreRole.Leader, "Phó Chánh Văn phòng"), (after.InviteCode, after.SubscriberId!.Value, after.Role, after.Position!));
        Assert.False(store.All().Single(e => e.FullName == "Bùi Văn Hiếu").Current);
        Assert.True(store.All().Single(e => e.FullName == "Vũ Thị Mai").Current); // STC was not in the file
        Assert.Equal(hang.Id, bot.Get<ISubscribers>().Find(subscriber.Id)!.RosterEntryId);
    }

    [Fact]
    public async Task An_xlsx_roster_imports_and_its_errors_carry_the_sheet_row()
    {
        await using var bot = await BotHarness.StartAsync();
        var rows = new[]
        {
            new Dictionary<string, object> { ["full_name"] = "Lê Thị Oanh", ["unit_code"] = "STC-NS", ["role"] = "lãnh đạo", ["position"] = "Trưởng phòng", ["phone"] = "0900000019" },
            new Dictionary<string, object> { ["full_name"] = "Hoàng Thị Quỳnh", ["unit_code"] = "STC-NS", ["role"] = "staff", ["position"] = "", ["phone"] = "" },
        };
        using var good = new MemoryStream();
        good.SaveAs(rows);
        good.Position = 0;
        var ok = bot.Get<RosterImporter>().Import("roster.xlsx", good);
        Assert.True(ok.Ok, string.Join('\n', ok.Errors));
        Assert.Equal(CadreRole.Leader, bot.Get<IRoster>().All().Single(e => e.FullName == "Lê Thị Oanh").Role);

        rows[1]["unit_code"] = "NOPE";
        using var bad = new MemoryStream();
        bad.SaveAs(rows);
        bad.Position = 0;
        var refused = bot.Get<RosterImporter>().Import("roster.xlsx", bad, language: "en");
        Assert.Equal(["roster.xlsx:3: unit_code 'NOPE' is not an imported unit"], refused.Errors);
    }

    [Fact]
    public async Task A_unit_admin_uploads_a_roster_in_the_bot_and_may_only_write_their_own_units()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        bot.User(UnitAdminInScope);
        var csv = Encoding.UTF8.GetBytes(Header + "Bùi Văn Hiếu,SNV-VP,staff,Chuyên viên,0900000008\n");
        var done = await bot.ExpectReplyAsync(UnitAdminInScope, () => bot.Emulator.SendDocument(UnitAdminInScope, "snv.csv", csv, "text/csv"));
        Assert.Contains("Đã nhập danh sách: thêm 1", done.Text, StringComparison.Ordinal);

        bot.User(UnitAdminOutOfScope);
        var refused = await bot.ExpectReplyAsync(UnitAdminOutOfScope, () => bot.Emulator.SendDocument(UnitAdminOutOfScope, "snv.csv", csv, "text/csv"));
        // The admin's Telegram language is Vietnamese: the refusal is too, with the file's line.
        Assert.Contains("snv.csv:2: unit_code 'SNV-VP' không thuộc các đơn vị đồng chí quản trị", refused.Text, StringComparison.Ordinal);
        Assert.Single(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task The_roster_import_verb_reports_errors_with_lines_and_exit_code_one()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();
        var file = Path.Combine(bot.DataDirectory, "roster.csv");
        await File.WriteAllTextAsync(file, Header + "Nguyễn Văn An,NOPE,staff,,\n");
        using var output = new StringWriter();

        var code = await bot.RunCliAsync(output, "roster", "import", file, "--database", bot.DatabasePath);

        Assert.Equal(1, code);
        Assert.Contains("roster.csv:2: unit_code 'NOPE' is not an imported unit", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_refusal_of_a_roster_reads_in_vietnamese_by_default_and_in_english_when_asked()
    {
        await using var bot = await BotHarness.StartAsync();
        const string Csv = Header +
            "Nguyễn Văn An,SNV-VP,staff,Chuyên viên,0900000001\n" +
            "X,SNV-VP,staff,,\n" +
            "Trần Thị Bình,NOPE,staff,,\n" +
            "Lê Văn Cường,SNV-VP,boss,,\n" +
            "Phạm Thị Dung,SNV-VP,leader,,12ab\n" +
            "Nguyễn Văn An,SNV-VP,staff,Chuyên viên,0900000001\n";

        var vietnamese = ImportRoster(bot, "roster.csv", Csv, language: "vi").Errors;
        var english = ImportRoster(bot, "roster.csv", Csv, language: "en").Errors;

        Assert.Equal(
        [
            "roster.csv:3: full_name 'X' phải là họ và tên gồm 2–6 từ bằng chữ, dài 4–80 ký tự",
            "roster.csv:4: unit_code 'NOPE' không phải mã của đơn vị đã nhập vào hệ thống",
            "roster.csv:5: role 'boss' phải là lãnh đạo (leader) hoặc cán bộ (staff)",
            "roster.csv:6: phone '12ab' phải gồm 9–12 chữ số, có thể bắt đầu bằng dấu +",
            "roster.csv:7: trùng người 'Nguyễn Văn An' trong SNV-VP (đã có ở dòng 2); ghi thêm số điện thoại để phân biệt",
        ], vietnamese);
        // The same refusals, line for line, in English.
        Assert.Equal(vietnamese.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]), english.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Contains("roster.csv:7: duplicate person 'Nguyễn Văn An' in SNV-VP (first on line 2); add a phone number to tell them apart", english);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task The_roster_api_answers_refusals_in_the_language_the_caller_accepts()
    {
        await using var bot = await StartAsync();
        var csv = Header + "Nguyễn Văn An,NOPE,staff,,\n";

        async Task<string> RefusalAsync(string? acceptLanguage)
        {
            using var http = bot.ApiAs(BlocAdmin);
            if (acceptLanguage is not null)
            {
                http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
            }

            using var form = new MultipartFormDataContent();
            using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            form.Add(file, "file", "roster.csv");
            using var response = await http.PostAsync(new Uri("api/rosters", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("errors")[0].GetString()!;
        }

        Assert.Equal("roster.csv:2: unit_code 'NOPE' không phải mã của đơn vị đã nhập vào hệ thống", await RefusalAsync(null));
        Assert.Equal("roster.csv:2: unit_code 'NOPE' is not an imported unit", await RefusalAsync("en-GB,vi;q=0.5"));
        Assert.Equal("roster.csv:2: unit_code 'NOPE' không phải mã của đơn vị đã nhập vào hệ thống", await RefusalAsync("fr, vi;q=0.9, en;q=0.8"));
        Assert.Empty(bot.Get<IRoster>().All());
    }
}
