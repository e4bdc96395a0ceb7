using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using MiniExcelLibs;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Directive920Bot.Reports;

/// <summary>One row of the unit export.</summary>
public sealed record UnitRow(string Code, string Name, string? Parent, int Roster, int Registered, int Active, int Blocked, int Stopped,
    int Delivered, int Acknowledged, string AckRate, string AckRateRoster, string RegisteredRate);

/// <summary>One row of the member export: a registered subscriber, a roster member, or both.</summary>
public sealed record MemberRow(string UnitCode, string FullName, string Role, string Position, string Source, string Status, int Delivered, int Acknowledged);

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>CSV (UTF-8 with BOM so that Excel shows Vietnamese), XLSX and the DOCX thematic report.</summary>
public sealed class ReportExports(ReportService reports, ReportChart chart, RosterStore roster, SubscriberStore subscribers,
    ContentService content, BotClock clock, IEnumerable<IMemberStatusSource> memberStatus)
{
    public IReadOnlyList<UnitRow> UnitRows(IReadOnlyCollection<string> visibleUnits) => reports.Units(visibleUnits)
        .Select(u => new UnitRow(u.Code, u.Name, u.ParentCode, u.Roster, u.Registered, u.Active, u.Blocked, u.Stopped, u.Delivered, u.Acknowledged,
            Percent(u.AckRate), Percent(u.AckRateRoster), Percent(u.RegisteredRate)))
        .ToList();

    public IReadOnlyList<MemberRow> MemberRows(IReadOnlyCollection<string> unitCodes)
    {
        var registered = subscribers.InUnits(unitCodes).ToList();
        var byId = registered.ToDictionary(s => s.Id);
        var status = memberStatus.FirstOrDefault();
        var rows = new List<MemberRow>();
        foreach (var entry in roster.InUnits(unitCodes))
        {
            var s = entry.SubscriberId is { } id ? byId.GetValueOrDefault(id) : null;
            var (delivered, acked) = s is null || status is null ? (0, 0) : status.For(s.Id);
            rows.Add(new MemberRow(entry.UnitCode, entry.FullName, entry.Role.ToString(), entry.Position ?? "", s is null ? "roster" : "roster+bot",
                s?.Status.ToString() ?? "NotRegistered", delivered, acked));
        }

        foreach (var s in registered.Where(s => s.RosterEntryId is null || roster.Find(s.RosterEntryId.Value)?.Current != true))
        {
            var (delivered, acked) = status is null ? (0, 0) : status.For(s.Id);
            rows.Add(new MemberRow(s.UnitCode ?? "", s.FullName ?? "", s.Role?.ToString() ?? "", "", "bot", s.Status.ToString(), delivered, acked));
        }

        return rows.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();
    }

    public static byte[] Write<T>(IEnumerable<T> rows, ExportFormat format)
    {
        using var stream = new MemoryStream();
        if (format == ExportFormat.Xlsx)
        {
            stream.SaveAs(rows, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }

        // The BOM makes Excel read the file as UTF-8; without it Vietnamese names turn into mojibake.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            csv.WriteRecords(rows);
        }

        return stream.ToArray();
    }

    /// <summary>The thematic report on implementing Notice 920-TB/TU for one unit (rolled up) and a date range.</summary>
    public byte[] Thematic(string unitCode, DateOnly from, DateOnly to, IReadOnlyList<string> feedback)
    {
        var report = reports.Unit(unitCode) ?? throw new ArgumentException($"Unknown unit '{unitCode}'.", nameof(unitCode));
        var png = chart.RenderRates("Tỷ lệ xác nhận theo bài", report.Items.Select(i => (i.Title, i.AckRate)).ToList());
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            // Title page.
            body.Append(Para("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH NGHỆ AN", bold: true, center: true));
            body.Append(Para(report.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold: true, center: true));
            body.Append(Para("", center: true));
            body.Append(Para("BÁO CÁO CHUYÊN ĐỀ", bold: true, center: true, size: 36));
            body.Append(Para("Kết quả quán triệt, triển khai thực hiện Thông báo số 920-TB/TU", bold: true, center: true, size: 28));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture, $"Từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}"), center: true));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture, $"Lập ngày {clock.LocalNow:dd/MM/yyyy}"), center: true));
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

            body.Append(Heading("I. Số liệu chung"));
            body.Append(Table(["Chỉ tiêu", "Số lượng", "Tỷ lệ"],
            [
                ["Cán bộ trong danh sách", N(report.Roster), ""],
                ["Đã đăng ký", N(report.Registered), Percent(report.RegisteredRate) + " so với danh sách"],
                ["Đang nhận tin", N(report.Active), Percent(report.ActiveRateRegistered) + " so với đăng ký; " + Percent(report.ActiveRateRoster) + " so với danh sách"],
                ["Đã chặn / ngừng nhận", N(report.Blocked) + " / " + N(report.Stopped), ""],
                ["Lượt bài đã gửi", N(report.Delivered), ""],
                ["Lượt xác nhận đã đọc", N(report.Acknowledged), Percent(report.AckRate) + " so với lượt gửi; " + Percent(report.AckRateRoster) + " so với danh sách"],
                ["Tham gia trắc nghiệm", N(report.QuizParticipants), Percent(report.QuizParticipationRegistered) + " so với đăng ký"],
            ]));

            body.Append(Heading("II. Kết quả theo từng bài"));
            body.Append(Table(["Bài", "Đã gửi", "Xác nhận đúng hạn", "Xác nhận muộn", "Tỷ lệ", "Thời gian xác nhận (trung vị)"],
                report.Items.Select(i => (IReadOnlyList<string>)[i.Title, N(i.Delivered), N(i.OnTime), N(i.Late), Percent(i.AckRate), Minutes(i.MedianAckMinutes)]).ToList()));
            AppendImage(main, body, png, ReportChart.Width, ReportChart.Height(report.Items.Count));

            body.Append(Heading("III. Các nội dung đã quán triệt theo điều khoản"));
            var catalog = content.Current;
            var covered = report.Items.Where(i => i.Delivered > 0).Select(i => catalog.Find(i.ItemId)).OfType<ContentItem>().ToList();
            foreach (var clause in catalog.Clauses)
            {
                var lessons = covered.Where(i => i.Clauses.Contains(clause.Id)).Select(i => i.For("vi").Title).ToList();
                if (lessons.Count > 0)
                {
                    body.Append(Para($"{clause.Id}. {clause.TitleVi}: {string.Join("; ", lessons)}"));
                }
            }

            body.Append(Heading("IV. Ý kiến phản hồi của cán bộ"));
            if (feedback.Count == 0)
            {
                body.Append(Para("Chưa có ý kiến phản hồi trong kỳ."));
            }

            foreach (var line in feedback)
            {
                body.Append(Para("– " + line));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    internal static string Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    private static string N(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes:0} phút"),
        < 48 * 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:0.#} giờ"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440:0.#} ngày"),
    };

    private static Paragraph Heading(string text) => Para(text, bold: true, size: 28);

    private static Paragraph Para(string text, bool bold = false, bool center = false, int size = 26)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }

        var paragraph = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Para(c, bold, size: 24))));

    private static void AppendImage(MainDocumentPart main, Body body, byte[] png, int widthPx, int heightPx)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var image = new MemoryStream(png))
        {
            part.FeedData(image);
        }

        var id = main.GetIdOfPart(part);
        const long emuPerPixel = 9525;
        var scale = Math.Min(1.0, 600.0 / widthPx);
        long cx = (long)(widthPx * scale * emuPerPixel), cy = (long)(heightPx * scale * emuPerPixel);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.DocProperties { Id = 1U, Name = "Biểu đồ tỷ lệ xác nhận" },
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "chart.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        body.Append(new Paragraph(new Run(drawing)));
    }
}

/// <summary>Per-member delivered/acknowledged counts for the member export; engagement provides it when present.</summary>
public interface IMemberStatusSource
{
    (int Delivered, int Acknowledged) For(long subscriberId);
}
