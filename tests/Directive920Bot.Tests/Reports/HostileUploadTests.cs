using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Tests.Infrastructure;
using MiniExcelLibs;

namespace Directive920Bot.Tests.Reports;

/// <summary>Issue #15 item 2: hostile roster files are measured before they are parsed, refused as file:line, and nothing is written.</summary>
public sealed partial class HostileUploadTests
{
    private const long Admin = 9301;
    private const string AdminKey = "hostile-upload-key-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js";

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:SuperAdmins:0"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Admin:ApiKeys:ops"] = AdminKey,
    });

    [Fact]
    public async Task A_zip_bomb_XLSX_is_refused_before_MiniExcel_reads_it_and_nothing_is_written()
    {
        await using var bot = await StartAsync();
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                sheet.Write(zeros);
            }
        }

        Assert.True(bomb.Length < UploadLimits.MaxBytes, "the bomb itself is small");
        bomb.Position = 0;

        var result = bot.Get<RosterImporter>().Import("roster.xlsx", bomb, language: "en");

        Assert.Equal(["roster.xlsx:1: the XLSX archive unpacks to more than 50 MB"], result.Errors);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task An_XLSX_whose_dimension_claims_a_whole_sheet_is_refused_without_sizing_rows_from_it()
    {
        await using var bot = await StartAsync();
        using var file = new MemoryStream();
        file.SaveAs(new[] { new { full_name = "Nguyễn Văn An", unit_code = "SNV-VP", role = "staff" } }, excelType: ExcelType.XLSX);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            Assert.Matches(Dimension(), xml);
            xml = Dimension().Replace(xml, "ref=\"A1:XFD1048576\"", 1);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        file.Position = 0;
        var result = bot.Get<RosterImporter>().Import("roster.xlsx", file, language: "en");

        Assert.Equal(["roster.xlsx:1: the sheet declares 16384 columns (A1:XFD1048576); at most 50"], result.Errors);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_CSV_over_the_row_cap_is_refused_at_the_first_row_beyond_it_and_nothing_is_written()
    {
        await using var bot = await StartAsync();
        var csv = new StringBuilder("full_name,unit_code,role\n");
        for (var i = 0; i <= UploadLimits.MaxRows; i++)
        {
            csv.Append("Nguyễn Văn An,SNV-VP,staff\n");
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var result = bot.Get<RosterImporter>().Import("roster.csv", content, language: "en");

        Assert.Equal([$"roster.csv:{UploadLimits.MaxRows + 2}: more than {UploadLimits.MaxRows} people; split the roster by unit"], result.Errors);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_file_that_is_no_XLSX_at_all_is_answered_with_file_line_and_not_an_exception()
    {
        await using var bot = await StartAsync();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not a zip"));

        var result = bot.Get<RosterImporter>().Import("roster.xlsx", content, language: "en");

        Assert.Single(result.Errors);
        Assert.StartsWith("roster.xlsx:1: the file cannot be read as XLSX: ", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_whose_size_Telegram_does_not_state_is_refused_before_any_download()
    {
        await using var bot = await StartAsync();
        bot.User(Admin);
        var context = new BotContext(Admin, ChannelAddress.ForTelegram(Admin), "vi", null, bot.Get<IAccessPolicy>().For(Admin), bot.Get<IChannelSender>());
        var handler = bot.Get<IEnumerable<IDocumentHandler>>().OfType<Directive920Bot.Reports.ReportsHandler>().Single();

        var handled = await handler.TryHandleAsync(context, new InboundDocument("file-without-size", "roster.csv", null, "text/csv", 1), CancellationToken.None);

        Assert.True(handled);
        var reply = await bot.Emulator.WaitForBotMessageAsync(Admin, null, BotHarness.Wait);
        Assert.Contains("Không xác định được kích thước tệp", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.Calls, c => c.Method == "getFile");
    }

    [Fact]
    public async Task The_roster_endpoint_refuses_a_body_over_its_limit_with_413_before_reading_it()
    {
        await using var bot = await StartAsync();
        // With Expect: 100-continue the client waits for the server's go before sending the body (long enough for a loaded
        // machine): the service answers from the declared length alone, so the 413 proves the body was never read.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var http = new HttpClient(handler) { BaseAddress = bot.WebUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        http.DefaultRequestHeaders.ExpectContinue = true;
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(new byte[UploadLimits.MaxBytes + (512 * 1024)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "roster.csv");

        using var response = await http.PostAsync(new Uri("api/rosters", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [GeneratedRegex("ref=\"[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?\"")]
    private static partial Regex Dimension();
}
