using System.Globalization;
using System.Text;
using CsvHelper;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class ExportTests : IClassFixture<ExportTests.Data>
{
    private readonly Data data;

    public ExportTests(Data data) => this.data = data;

    /// <summary>Two registered cadres in SNV-VP with the demo roster, one lesson sent to both and acknowledged by one.</summary>
    public sealed class Data : IAsyncLifetime
    {
        public BotHarness Bot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Bot = await StartAsync();
            GrantUnitAdmins(Bot);
            ImportDemoRoster(Bot);
            await Bot.RegisterAsync(6001, "Đặng Thị Hằng", TargetUnit);
            await Bot.PressAsync(6001, Bot.BotMessages(6001)[^1], "Đúng, chính xác");
            await Bot.RegisterAsync(6002, "Trần Văn Nam", "STC-VP");
            // The real path: the ledger sends, the cadre presses the acknowledgement button, the observers count.
            var subscribers = Bot.Get<ISubscribers>();
            var (_, lesson) = await EngagementKit.DeliverAsync(Bot, subscribers.Find(6001)!, EngagementKit.Lesson1);
            await EngagementKit.DeliverAsync(Bot, subscribers.Find(6002)!, EngagementKit.Lesson1);
            await EngagementKit.PressAsync(Bot, 6001, lesson.MessageId, EngagementKit.AckLabel);
            await Bot.Emulator.WaitUntilAsync(() => Bot.Get<ReportService>().Unit(TargetUnit)!.Acknowledged == 1, BotHarness.Wait);
        }

        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }

    [Fact]
    public async Task The_units_csv_starts_with_a_bom_and_reads_back_with_the_scoped_rows_only()
    {
        using var http = data.Bot.ApiAs(UnitAdminInScope);
        var bytes = await http.GetByteArrayAsync("/api/exports/units.csv");

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<UnitRow>().ToList();
        Assert.Equal(["SNV", "SNV-CCHC", "SNV-CCVC", "SNV-VP"], rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        var vp = rows.Single(r => r.Code == TargetUnit);
        Assert.Equal(("Văn phòng Sở Nội vụ", 3, 1, 1, 1, "100%"), (vp.Name, vp.Roster, vp.Registered, vp.Delivered, vp.Acknowledged, vp.AckRate));
    }

    [Fact]
    public async Task The_units_xlsx_reads_back_with_miniexcel()
    {
        using var http = data.Bot.ApiAs(BlocAdmin);
        var bytes = await http.GetByteArrayAsync("/api/exports/units.xlsx");

        var rows = Sheet(bytes);
        Assert.Equal(data.Bot.Get<IUnits>().Count(), rows.Count);
        var root = rows.Single(r => (string?)r["Code"] == "KHOI");
        Assert.Equal(("2", "2", "1", "0.5"), (Cell(root, "Registered"), Cell(root, "Delivered"), Cell(root, "Acknowledged"), Cell(root, "AckRate")));
    }

    [Fact]
    public async Task The_units_xlsx_writes_rates_as_numeric_cells_with_a_percent_format_not_as_text()
    {
        using var http = data.Bot.ApiAs(BlocAdmin);
        var bytes = await http.GetByteArrayAsync("/api/exports/units.xlsx");

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        var header = cells.Single(c => c.CellReference!.Value == "K1");
        Assert.Equal("AckRate", header.InnerText.Length > 0 && header.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString
            ? workbook.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(header.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : header.InnerText);
        var rates = cells.Where(c => c.CellReference!.Value!.StartsWith('K') && c.CellReference.Value != "K1" && c.CellValue is not null).ToList();
        Assert.NotEmpty(rates);
        Assert.All(rates, c =>
        {
            Assert.True(c.DataType is null || c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, $"{c.CellReference} is {c.DataType?.Value}");
            Assert.InRange(double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture), 0, 1);
            Assert.Equal(10u, formats[(int)c.StyleIndex!.Value].NumberFormatId!.Value);
        });
    }

    [Fact]
    public async Task The_members_exports_list_roster_and_bot_people_of_the_unit_with_their_state()
    {
        using var http = data.Bot.ApiAs(UnitAdminInScope);
        var csvBytes = await http.GetByteArrayAsync("/api/exports/members.csv?unit=SNV-VP");
        var xlsxBytes = await http.GetByteArrayAsync("/api/exports/members.xlsx?unit=SNV-VP");

        using var csv = new CsvReader(new StreamReader(new MemoryStream(csvBytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var fromCsv = csv.GetRecords<MemberRow>().ToList();
        var fromXlsx = Sheet(xlsxBytes);
        Assert.Equal(fromCsv.Select(r => r.FullName), fromXlsx.Select(r => Cell(r, "FullName")));
        Assert.Equal(["Bùi Văn Hiếu", "Võ Thanh Hải", "Đặng Thị Hằng"], fromCsv.Select(r => r.FullName).Order(StringComparer.Ordinal));
        Assert.All(fromCsv, r => Assert.Equal(TargetUnit, r.UnitCode));
        Assert.Equal("NotRegistered", fromCsv.Single(r => r.FullName == "Bùi Văn Hiếu").Status);
        var hang = fromCsv.Single(r => r.FullName == "Đặng Thị Hằng");
        Assert.Equal(("roster+bot", "Active", 1, 1), (hang.Source, hang.Status, hang.Delivered, hang.Acknowledged));
    }

    [Fact]
    public async Task The_thematic_docx_has_the_title_page_figures_chart_clauses_and_feedback_sections()
    {
        using var http = data.Bot.ApiAs(UnitAdminInScope);
        var bytes = await http.GetByteArrayAsync("/api/exports/thematic.docx?unit=SNV&from=2026-11-01&to=2026-12-01");

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = string.Join('\n', body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BÁO CÁO CHUYÊN ĐỀ", text, StringComparison.Ordinal);
        Assert.Contains("Thông báo số 920-TB/TU", text, StringComparison.Ordinal);
        Assert.Contains("Từ ngày 01/11/2026 đến ngày 01/12/2026", text, StringComparison.Ordinal);
        foreach (var section in new[] { "I. Số liệu chung", "II. Kết quả theo từng bài", "III. Các nội dung đã quán triệt", "IV. Ý kiến phản hồi của cán bộ" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        var tables = body.Elements<Table>().ToList();
        Assert.Contains(tables[0].Elements<TableRow>(), r => r.InnerText.StartsWith("Đã đăng ký (đến hết ngày 01/12/2026)1", StringComparison.Ordinal));
        Assert.Contains(tables[1].Elements<TableRow>(), r => r.InnerText.Contains("100%", StringComparison.Ordinal));
        Assert.Single(doc.MainDocumentPart.ImageParts);
        Assert.Contains(data.Bot.Get<AuditLog>().Recent(), e => e.Action == "export" && e.Actor == UnitAdminInScope && e.Details.StartsWith("thematic.docx", StringComparison.Ordinal));
    }

    private static List<IDictionary<string, object?>> Sheet(byte[] bytes) =>
        new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

    private static string? Cell(IDictionary<string, object?> row, string column) => Convert.ToString(row[column], CultureInfo.InvariantCulture);
}
