using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Directive920Bot.Reports;

/// <summary>CSV (UTF-8 with BOM so that Excel shows Vietnamese), XLSX and the DOCX thematic report.</summary>
public sealed class ReportExports(ReportService reports, PeriodReportService period, ReportChart chart, IRoster roster, ISubscribers subscribers,
    ContentService content, BotClock clock, ReportInsights insights, IEnumerable<IMemberStatusSource> memberStatus, IEnumerable<IThematicSection> sections)
{
    public IReadOnlyList<UnitRow> UnitRows(IReadOnlyCollection<string> visibleUnits) => reports.Units(visibleUnits)
        .Select(u => new UnitRow(u.Code, u.Name, u.ParentCode, u.Roster, u.Registered, u.Active, u.Blocked, u.Stopped, u.Delivered, u.Acknowledged,
            Percent(u.AckRate), Percent(u.AckRateRoster), Percent(u.RegisteredRate), u.TelegramOnly, u.ZaloOnly, u.BothChannels))
        .ToList();

    /// <summary>The unit export as XLSX, its rates numeric cells with a percent format (see <see cref="XlsxPercentFormat"/>).</summary>
    public byte[] UnitsXlsx(IReadOnlyCollection<string> visibleUnits)
    {
        var rows = reports.Units(visibleUnits)
            .Select(u => new UnitXlsxRow(u.Code, u.Name, u.ParentCode, u.Roster, u.Registered, u.Active, u.Blocked, u.Stopped, u.Delivered, u.Acknowledged,
                u.AckRate, u.AckRateRoster, u.RegisteredRate, u.TelegramOnly, u.ZaloOnly, u.BothChannels))
            .ToList();
        return XlsxPercentFormat.Apply(Write(rows, ExportFormat.Xlsx), UnitXlsxRow.PercentColumns);
    }

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
        // A cell starting with = + - @ (a name, a feedback text, an unanswered question typed by anyone) would run as a
        // formula in Excel: CsvHelper prefixes it with ' so it stays text (formula injection).
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            csv.WriteRecords(rows);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The thematic report on implementing Notice 920-TB/TU for one unit (rolled up) and a period of local days: every
    /// figure of sending, acknowledging and answering is the period's; what has no history is labelled as current.
    /// </summary>
    public byte[] Thematic(string unitCode, DateOnly from, DateOnly to, IReadOnlyList<string> feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var report = period.For(unitCode, from, to);
        var span = Period(from, to);
        var toText = to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var madeAt = clock.LocalNow;
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
            body.Append(Para(span, center: true));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture, $"Lập ngày {madeAt:dd/MM/yyyy}"), center: true));
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

            body.Append(Heading("I. Số liệu chung"));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture,
                $"Kỳ báo cáo: {span.ToLower(CultureInfo.GetCultureInfo("vi-VN"))} (giờ Việt Nam). Số lượt gửi, xác nhận và trả lời trắc nghiệm là số liệu phát sinh trong kỳ; một lượt gửi được tính là đã xác nhận khi cán bộ xác nhận trước khi hết kỳ. Số đã đăng ký tính đến hết ngày {toText}. Số cán bộ trong danh sách và tình trạng nhận tin (đang nhận, đã chặn, ngừng nhận) là số liệu tại thời điểm lập báo cáo ({madeAt:HH:mm} ngày {madeAt:dd/MM/yyyy}) vì hệ thống không lưu lịch sử của các chỉ tiêu này.")));
            body.Append(Table(["Chỉ tiêu", "Số lượng", "Tỷ lệ"],
            [
                ["Cán bộ trong danh sách (tại thời điểm lập báo cáo)", N(report.RosterNow), ""],
                ["Đã đăng ký (đến hết ngày " + toText + ")", N(report.RegisteredAtEnd), Percent(report.RegisteredRate) + " so với danh sách"],
                ["Đang nhận tin (tại thời điểm lập báo cáo)", N(report.ActiveNow), ""],
                ["Đã chặn, ngừng nhận (tại thời điểm lập báo cáo)", N(report.BlockedNow) + " đã chặn, " + N(report.StoppedNow) + " ngừng nhận", ""],
                ["Kênh sử dụng (số người, tại thời điểm lập báo cáo)", "chỉ Telegram " + N(report.TelegramOnlyNow) + ", chỉ Zalo " + N(report.ZaloOnlyNow) + ", cả hai " + N(report.BothChannelsNow), ""],
                ["Cán bộ đã nhận bài, thông báo trong kỳ", N(report.Reached), Percent(report.ReachedRate) + " so với đăng ký"],
                ["Lượt bài, thông báo đã gửi trong kỳ", N(report.Delivered), ""],
                ["Lượt xác nhận đã đọc trong kỳ", N(report.Acknowledged), Percent(report.AckRate) + " so với lượt gửi (đúng hạn " + N(report.OnTime) + ", muộn " + N(report.Late) + ")"],
                ["Tham gia trắc nghiệm trong kỳ", N(report.QuizParticipants), Percent(report.QuizParticipationRate) + " so với đăng ký"],
                ["Câu trả lời đúng trong kỳ", N(report.Correct) + " câu đúng trên " + N(report.Answered) + " câu trả lời", Percent(report.Accuracy) + " trả lời đúng"],
            ]));

            body.Append(Heading("II. Kết quả theo từng bài"));
            if (report.Items.Count == 0)
            {
                body.Append(Para("Không có bài học, thông báo nào được gửi trong kỳ."));
            }
            else
            {
                body.Append(Table(["Bài", "Đã gửi", "Xác nhận đúng hạn", "Xác nhận muộn", "Tỷ lệ", "Thời gian xác nhận (trung vị)"],
                    report.Items.Select(i => (IReadOnlyList<string>)[i.Title, N(i.Delivered), N(i.OnTime), N(i.Late), Percent(i.AckRate), Minutes(i.MedianAckMinutes)]).ToList()));
                var bars = report.Items.Select(i => (i.Title, i.AckRate)).ToList();
                var png = chart.RenderRates("Tỷ lệ xác nhận theo bài, " + Period(from, to, compact: true), bars);
                AppendImage(main, body, png, ReportChart.Width, ReportChart.Height(bars.Count), ChartDescription(from, to, bars));
            }

            body.Append(Para("Kết quả trắc nghiệm theo câu hỏi (câu có tỷ lệ đúng thấp cho biết nội dung cần quán triệt thêm):", bold: true));
            if (report.Questions.Count == 0)
            {
                body.Append(Para("Không có câu trả lời trắc nghiệm nào trong kỳ."));
            }
            else
            {
                body.Append(Table(["Câu hỏi", "Số người trả lời", "Trả lời đúng", "Tỷ lệ đúng"],
                    report.Questions.Select(q => (IReadOnlyList<string>)[q.Question, N(q.Answered), N(q.Correct), Percent(q.Accuracy)]).ToList()));
            }

            // The option shares are kept per question bloc-wide (not per period), so the section says so.
            body.Append(Para(string.Create(CultureInfo.InvariantCulture,
                $"Phân tích câu hỏi (toàn Khối, lần trả lời đầu tiên, câu có từ {insights.MinimumSample} lượt trả lời; tỷ lệ chọn từng phương án theo thứ tự soạn):"), bold: true));
            var analysis = insights.DocumentRows();
            if (analysis.Count == 0)
            {
                body.Append(Para("Chưa có câu hỏi nào đủ số lượt trả lời để phân tích."));
            }
            else
            {
                body.Append(Table(["Câu hỏi", "Lượt trả lời đầu tiên", "Tỷ lệ chọn từng phương án", "Nhận xét"], analysis));
            }

            body.Append(Heading("III. Các nội dung đã quán triệt"));
            // The item ids are the course's, not the notice's numbering (the source is a newspaper report of the notice).
            body.Append(Para("Các mã C1, C2, L1–L5, S1–S3, I1–I4 là cách khóa học đánh số nội dung Thông báo (tóm lược bài báo tường thuật Thông báo, không trích nguyên văn), không phải số thứ tự trong Thông báo."));
            var catalog = content.Current;
            var covered = report.Items.Where(i => i.Delivered > 0).Select(i => catalog.Find(i.ItemId)).OfType<ContentItem>().ToList();
            var anyClause = false;
            foreach (var clause in catalog.Clauses)
            {
                var lessons = covered.Where(i => i.Clauses.Contains(clause.Id)).Select(i => i.For("vi").Title).ToList();
                if (lessons.Count > 0)
                {
                    body.Append(Para($"Nội dung {clause.Id} — {clause.TitleVi}: {string.Join("; ", lessons)}"));
                    anyClause = true;
                }
            }

            if (!anyClause)
            {
                body.Append(Para("Không có bài học nào gửi trong kỳ."));
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

            foreach (var section in sections)
            {
                section.Append(body, unitCode, from, to);
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>"Từ ngày 01/11/2026 đến ngày 30/11/2026", or the short "01/11/2026–30/11/2026".</summary>
    public static string Period(DateOnly from, DateOnly to, bool compact = false) => compact
        ? string.Create(CultureInfo.InvariantCulture, $"{from:dd/MM/yyyy}–{to:dd/MM/yyyy}")
        : string.Create(CultureInfo.InvariantCulture, $"Từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}");

    /// <summary>The chart's alternative text: the period and every bar, so the figure can be read (and checked) without the image.</summary>
    public static string ChartDescription(DateOnly from, DateOnly to, IReadOnlyList<(string Label, double? Rate)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return "Tỷ lệ xác nhận theo bài, " + Period(from, to, compact: true) + ": " + string.Join("; ", bars.Select(b => b.Label + " " + Percent(b.Rate)));
    }

    /// <summary>A ratio as a percentage in the reader's language: "18,2%" in Vietnamese (the default), "18.2%" in English.</summary>
    internal static string Percent(double? rate, string? language = Localization.Languages.Vietnamese) => Numbers.Percent(rate, language);

    private static string N(int value) => Numbers.Count(value);

    /// <summary>A median delay in Vietnamese: "35 phút", "1,5 giờ", "2,5 ngày".</summary>
    internal static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => Numbers.OneDecimal(Math.Round(minutes.Value)) + " phút",
        < 48 * 60 => Numbers.OneDecimal(Math.Round(minutes.Value / 60, 1)) + " giờ",
        _ => Numbers.OneDecimal(Math.Round(minutes.Value / 1440, 1)) + " ngày",
    };

    internal static Paragraph Heading(string text) => Para(text, bold: true, size: 28);

    internal static Paragraph Para(string text, bool bold = false, bool center = false, int size = 26)
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

    internal static Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
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

    /// <summary>A PNG as an inline picture of its own paragraph, at most 600 px wide; <paramref name="id"/> unique in the document.</summary>
    internal static void AppendImage(MainDocumentPart main, Body body, byte[] png, int widthPx, int heightPx, string description, uint id = 1)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var image = new MemoryStream(png))
        {
            part.FeedData(image);
        }

        var relationship = main.GetIdOfPart(part);
        const long emuPerPixel = 9525;
        var scale = Math.Min(1.0, 600.0 / widthPx);
        long cx = (long)(widthPx * scale * emuPerPixel), cy = (long)(heightPx * scale * emuPerPixel);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.DocProperties { Id = id, Name = "Biểu đồ " + id.ToString(CultureInfo.InvariantCulture), Description = description },
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "chart.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        body.Append(new Paragraph(new Run(drawing)));
    }
}
