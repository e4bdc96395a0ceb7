using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

/// <summary>
/// The reports a committee signs, in the layout of party documents (Hướng dẫn 36-HD/VPTW): read back with the Open XML
/// SDK, then rendered to PDF by LibreOffice headless and read as text; the PDF and its pages as PNG are kept in
/// tests/Directive920Bot.Tests/TestResults/committee-reports for a person to look at.
/// </summary>
public sealed partial class CommitteeReportTests
{
    private const string Actions = "Tổ chức hội nghị quán triệt Thông báo 920 cho 45 đảng viên.";
    private const string Proposal = "Đề nghị Đảng ủy Khối ban hành mẫu kế hoạch thực hiện.";

    private static readonly string Artefacts = Path.Combine(BotHarness.RepoRoot, "tests", "Directive920Bot.Tests", "TestResults", "committee-reports");

    [Fact]
    public async Task The_thematic_and_annual_drafts_have_the_party_header_blocks_sections_closing_and_page_numbers()
    {
        await using var bot = await ReportedAsync();
        using var bloc = bot.ApiAs(BlocAdmin);
        foreach (var (name, path) in Drafts)
        {
            var docx = await bloc.GetByteArrayAsync(path);
            using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var body = document.MainDocumentPart!.Document!.Body!;
            var header = Assert.IsType<Table>(body.FirstChild);
            var cells = header.Descendants<TableCell>().ToList();
            Assert.Equal(["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số      -BC/ĐUK"], Lines(cells[0]));
            Assert.True(Run(cells[0], "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH").RunProperties!.Bold is not null, name);
            Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", Lines(cells[1])[0]);
            Assert.NotNull(Run(cells[1], "Nghệ An, ngày    tháng    năm 2026").RunProperties!.Italic);
            var texts = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("BÁO CÁO", texts);
            var headings = texts.Where(t => HeadingPattern().IsMatch(t)).ToList();
            Assert.Equal(["I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", name == "annual" ? "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI" : "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"], headings);
            Assert.Contains(texts, t => t.Contains("L1 (", StringComparison.Ordinal) && t.Contains("1/4 đơn vị đã hoàn thành (25%)", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("Sở Tài chính (nội dung L2): " + Proposal, StringComparison.Ordinal));
            var closing = Assert.IsType<Table>(body.Elements<Table>().Last());
            Assert.Equal("Nơi nhận:", closing.Descendants<TableCell>().First().Elements<Paragraph>().First().InnerText);
            Assert.Contains("T/M BAN THƯỜNG VỤ", closing.InnerText, StringComparison.Ordinal);
            // Every run is Times New Roman, 11 to 16 pt; the body text 14 pt.
            Assert.All(body.Descendants<RunProperties>(), p => Assert.Equal("Times New Roman", p.RunFonts!.Ascii!.Value));
            Assert.All(body.Descendants<FontSize>(), s => Assert.InRange(int.Parse(s.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture), 20, 32));
            // Page numbers: a PAGE field in the default header, none on the first page.
            var section = body.Elements<SectionProperties>().Single();
            Assert.NotNull(section.GetFirstChild<TitlePage>());
            var pageHeader = (HeaderPart)document.MainDocumentPart.GetPartById(section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.Default).Id!);
            Assert.Contains("PAGE", pageHeader.Header!.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);
            // Two charts (acknowledgement by unit, implementation by requirement), PNG, described in Vietnamese with decimal commas.
            var charts = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
            Assert.Equal(2, charts.Count);
            Assert.Equal([1U, 2U], charts.Select(c => c.Id!.Value).Order().ToArray());
            Assert.Contains(charts, c => c.Description!.Value!.StartsWith("Biểu đồ tỷ lệ xác nhận đã đọc theo đơn vị", StringComparison.Ordinal));
            Assert.Contains(charts, c => c.Description!.Value!.Contains("L1 đã hoàn thành 1, đang triển khai 0", StringComparison.Ordinal));
            Assert.All(document.MainDocumentPart.ImageParts, i => Assert.Equal("image/png", i.ContentType));
            Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
        }
    }

    [Fact]
    public async Task Unset_the_issuing_body_prints_bracketed_placeholders_that_name_no_real_committee()
    {
        await using var bot = await ReportedAsync(configured: false);
        using var bloc = bot.ApiAs(BlocAdmin);
        var docx = await bloc.GetByteArrayAsync(Drafts[0].Path);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var header = Assert.IsType<Table>(document.MainDocumentPart!.Document!.Body!.FirstChild);

        Assert.Equal(["[CẤP ỦY CẤP TRÊN]", "[CẤP ỦY BAN HÀNH BÁO CÁO]", "*", "Số      -BC/[KÝ HIỆU]"], Lines(header.Descendants<TableCell>().First()));
        Assert.Equal(["CommitteeReport:SuperiorBody", "CommitteeReport:IssuingBody", "CommitteeReport:NumberSuffix"],
            bot.Get<Microsoft.Extensions.Options.IOptions<global::Directive920Bot.Implementation.CommitteeReportOptions>>().Value.UnsetKeys);
    }

    [Fact]
    public async Task Rendered_to_pdf_by_libreoffice_the_drafts_read_as_a_committee_office_expects_and_their_pages_are_saved_as_png()
    {
        if (!File.Exists("/usr/bin/soffice"))
        {
            throw new InvalidOperationException("/usr/bin/soffice is missing: install Debian's libreoffice-writer-nogui and poppler-utils (.ci/run does).");
        }

        await using var bot = await ReportedAsync();
        using var bloc = bot.ApiAs(BlocAdmin);
        Directory.CreateDirectory(Artefacts);
        foreach (var (name, path) in Drafts)
        {
            var docx = Path.Combine(Artefacts, name + ".docx");
            await File.WriteAllBytesAsync(docx, await bloc.GetByteArrayAsync(path));
            var profile = Path.Combine(bot.DataDirectory, "lo-profile-" + name);
            await RunAsync("soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir {Artefacts} {docx}");
            var pdf = Path.Combine(Artefacts, name + ".pdf");
            await RunAsync("pdftotext", $"{pdf} {pdf}.txt");
            var text = Whitespace().Replace(await File.ReadAllTextAsync(pdf + ".txt"), " ");
            foreach (var expected in new[]
            {
                "ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "-BC/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM", "Nghệ An, ngày tháng năm 2026", "BÁO CÁO",
                "I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG", "V. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "T/M BAN THƯỜNG VỤ",
                "1/4 đơn vị đã hoàn thành (25%)", Actions,
            })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            // The charts survive the rendering: poppler lists the PDF's images (a header line, a rule, then one line each).
            var images = await OutputOfAsync("pdfimages", $"-list {pdf}");
            Assert.True(images.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2 >= 2, "no chart image in the PDF: " + images);
            await RunAsync("pdftoppm", $"-png -r 60 {pdf} {Path.Combine(Artefacts, name)}");
            Assert.NotEmpty(Directory.GetFiles(Artefacts, name + "-*.png"));
        }
    }

    private static readonly (string Name, string Path)[] Drafts =
    [
        ("thematic", "api/exports/committee/thematic.docx?unit=KHOI&from=2026-10-01&to=2026-12-31"),
        ("annual", "api/exports/committee/annual.docx?unit=KHOI&year=2026"),
    ];

    [Fact]
    public async Task A_unit_admin_cannot_draft_another_units_report_and_a_cadre_cannot_draft_any()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        using var stc = bot.ApiAs(UnitAdminOutOfScope);
        using var cadre = bot.ApiAs(Cadre);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.GetAsync("api/exports/committee/thematic.docx?unit=SNV")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.GetAsync("api/exports/committee/annual.docx?unit=KHOI")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stc.GetAsync("api/exports/committee/annual.docx?unit=STC")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("api/exports/committee/annual.docx")).StatusCode);
        using var bloc = bot.ApiAs(BlocAdmin);
        Assert.Equal(HttpStatusCode.BadRequest, (await bloc.GetAsync("api/exports/committee/thematic.docx?from=2026-12-31&to=2026-10-01")).StatusCode);
    }

    /// <summary>The issuing body as an operator sets it (the defaults are placeholders).</summary>
    private static readonly Dictionary<string, string?> IssuingBody = new()
    {
        ["CommitteeReport:SuperiorBody"] = "ĐẢNG BỘ TỈNH NGHỆ AN",
        ["CommitteeReport:IssuingBody"] = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        ["CommitteeReport:NumberSuffix"] = "BC/ĐUK",
    };

    private static async Task<BotHarness> ReportedAsync(bool configured = true)
    {
        var bot = await StartImplementationAsync(configured ? IssuingBody : null);
        using var api = bot.ApiAs(BlocAdmin);
        await api.PutAsync(ReportPath("SNV", "L1"), Json($$"""{"status":"done","actions":"{{Actions}}"}"""));
        await api.PutAsync(ReportPath("STC", "L2"), Json($$"""{"status":"inProgress","proposals":"{{Proposal}}"}"""));
        return bot;
    }

    private static List<string> Lines(TableCell cell) => cell.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

    private static Run Run(TableCell cell, string text) => cell.Descendants<Run>().Single(r => r.InnerText == text);

    private static async Task<string> OutputOfAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, program + " failed: " + await error);
        return output;
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, program + " failed: " + await error);
    }

    [GeneratedRegex(@"^(I|II|III|IV|V)\. ")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
