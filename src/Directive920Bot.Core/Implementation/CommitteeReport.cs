using System.Globalization;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using static Directive920Bot.Implementation.CommitteeDocx;
using N = Directive920Bot.Localization.Numbers;

namespace Directive920Bot.Implementation;

/// <summary>
/// The drafts a committee office completes and signs: the thematic report for a chosen span of days and the annual
/// report, in the layout of party documents and the structure of a báo cáo chuyên đề — situation; results (study figures
/// against the roster by unit and by item, the units' implementation reports, cadres' commitments); general assessment
/// drafted as neutral sentences from the figures; directions for the next period; proposals. Nothing about the notice is
/// stated beyond its number and issuer; the item ids are the course's, and the document says so.
/// </summary>
public sealed class CommitteeReport(
    PeriodReportService periods,
    ReportFeedback feedback,
    ImplementationThematicSection implementation,
    CommitmentService commitments,
    ReportChart chart,
    IUnits units,
    BotClock clock,
    IOptions<CommitteeReportOptions> options)
{
    private const string Subject = "kết quả quán triệt, triển khai thực hiện Thông báo số 920-TB/TU của Ban Thường vụ Tỉnh ủy";

    public byte[] Thematic(string unitCode, DateOnly from, DateOnly to) =>
        Build(unitCode, from, to, string.Create(CultureInfo.InvariantCulture, $"(từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy})"), annual: false);

    /// <summary>The year's report: 1 January to 31 December, or to today while the year is running.</summary>
    public byte[] Annual(string unitCode, int year)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var to = new DateOnly(year, 12, 31);
        return Build(unitCode, new DateOnly(year, 1, 1), to > today && today.Year == year ? today : to,
            string.Create(CultureInfo.InvariantCulture, $"năm {year}"), annual: true);
    }

    private byte[] Build(string unitCode, DateOnly from, DateOnly to, string span, bool annual)
    {
        var o = options.Value;
        var root = units.Find(unitCode) ?? throw new ArgumentException($"Unknown unit '{unitCode}'.", nameof(unitCode));
        var whole = periods.For(unitCode, from, to);
        var children = units.All().Where(u => u.ParentCode == root.Code).ToList();
        var byUnit = children.Count == 0 ? [] : periods.ForUnits(children.Select(c => c.Code).ToList(), from, to);
        var digest = implementation.Compile(unitCode, from, to);
        var scope = units.SubTreeCodes([unitCode]);
        var cadres = commitments.Counts(to.Year, scope);
        var voices = feedback.For(unitCode, from, to);
        var issuer = Sentence(o.IssuingBody);
        var spanText = annual ? span : string.Create(CultureInfo.InvariantCulture, $"từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}");

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(HeaderBlocks(o, to.Year));
            foreach (var p in Title(Subject, span))
            {
                body.Append(p);
            }

            body.Append(Text($"Thực hiện Thông báo số 920-TB/TU của Ban Thường vụ Tỉnh ủy, {issuer} báo cáo kết quả quán triệt, triển khai thực hiện {spanText} như sau:"));

            // I. Situation.
            body.Append(Heading("I. TÌNH HÌNH CHUNG"));
            body.Append(Text($"{root.Name} có {N.Count(children.Count)} đơn vị trực thuộc, {N.Count(whole.RosterNow)} cán bộ, đảng viên trong danh sách (tại thời điểm lập báo cáo); "
                + $"{N.Count(whole.RegisteredAtEnd)} người đã đăng ký học tập qua Trợ lý Thông báo 920 đến hết ngày {to:dd/MM/yyyy}, đạt {N.Percent(whole.RegisteredRate)} so với danh sách."));
            body.Append(Text($"Báo cáo kết quả thực hiện được tổng hợp theo kỳ ({string.Join(", ", digest.Periods.Select(p => p.Label()))}); "
                + $"{N.Count(digest.UnitsReported)}/{N.Count(digest.Units.Count)} đơn vị đã gửi báo cáo."));

            // II. Results.
            body.Append(Heading("II. KẾT QUẢ THỰC HIỆN"));
            body.Append(SubHeading("1. Công tác quán triệt, học tập Thông báo"));
            body.Append(Text($"Trong kỳ đã gửi {N.Count(whole.Delivered)} lượt bài học, thông báo tới {N.Count(whole.Reached)} cán bộ; {N.Count(whole.Acknowledged)} lượt xác nhận đã đọc và cam kết thực hiện, "
                + $"đạt {N.Percent(whole.AckRate)} (đúng hạn {N.Count(whole.OnTime)}, muộn {N.Count(whole.Late)}). {N.Count(whole.QuizParticipants)} cán bộ tham gia trả lời câu hỏi ôn tập; "
                + $"tỷ lệ trả lời đúng {N.Percent(whole.Accuracy)} ({N.Count(whole.Correct)}/{N.Count(whole.Answered)} câu)."));
            if (byUnit.Count > 0)
            {
                body.Append(Text("Kết quả theo đơn vị (so với danh sách cán bộ):"));
                body.Append(ReportExports.Table(["Đơn vị", "Danh sách", "Đã đăng ký", "Tỷ lệ đăng ký", "Lượt gửi", "Tỷ lệ xác nhận", "Tỷ lệ trả lời đúng"],
                    byUnit.Select(u => (IReadOnlyList<string>)[u.Name, N.Count(u.RosterNow), N.Count(u.RegisteredAtEnd), N.Percent(u.RegisteredRate), N.Count(u.Delivered),
                        N.Percent(u.AckRate), N.Percent(u.Accuracy)]).ToList()));
                var bars = byUnit.Select(u => (u.Name, u.AckRate)).ToList();
                ReportExports.AppendImage(main, body, chart.RenderRates("Tỷ lệ xác nhận đã đọc theo đơn vị", bars), ReportChart.Width, ReportChart.Height(bars.Count),
                    "Biểu đồ tỷ lệ xác nhận đã đọc theo đơn vị: " + string.Join("; ", bars.Select(b => $"{b.Name} {N.Percent(b.AckRate)}")), id: 1);
            }

            if (whole.Items.Count > 0)
            {
                body.Append(Text("Kết quả theo từng bài (mã nội dung là cách khóa học đánh số, không phải số thứ tự trong Thông báo):"));
                body.Append(ReportExports.Table(["Bài", "Lượt gửi", "Đã xác nhận", "Tỷ lệ xác nhận"],
                    whole.Items.Select(i => (IReadOnlyList<string>)[i.Title, N.Count(i.Delivered), N.Count(i.Acknowledged), N.Percent(i.AckRate)]).ToList()));
            }

            body.Append(SubHeading("2. Kết quả thực hiện các yêu cầu"));
            foreach (var r in digest.Requirements)
            {
                body.Append(Text($"– {r.Requirement.Id} ({r.Requirement.TitleVi}): {N.Count(r.Done)}/{N.Count(r.Units)} đơn vị đã hoàn thành ({N.Percent(Ratio(r.Done, r.Units))}), "
                    + $"{N.Count(r.InProgress)} đang triển khai, {N.Count(r.NotStarted)} chưa triển khai, {N.Count(r.NotReported)} chưa báo cáo."));
            }

            if (digest.Requirements.Count > 0)
            {
                var ids = digest.Requirements.Select(r => r.Requirement.Id).ToList();
                var png = chart.RenderStacked("Tình hình thực hiện theo nội dung (số đơn vị)", ids,
                [
                    ("Đã hoàn thành", "#2E7D32", digest.Requirements.Select(r => r.Done).ToList()),
                    ("Đang triển khai", "#F9A825", digest.Requirements.Select(r => r.InProgress).ToList()),
                    ("Chưa triển khai", "#C62828", digest.Requirements.Select(r => r.NotStarted).ToList()),
                    ("Chưa báo cáo", "#9E9E9E", digest.Requirements.Select(r => r.NotReported).ToList()),
                ]);
                ReportExports.AppendImage(main, body, png, ReportChart.Width, ReportChart.Height(ids.Count) + 60,
                    "Biểu đồ tình hình thực hiện theo nội dung: " + string.Join("; ", digest.Requirements.Select(r =>
                        $"{r.Requirement.Id} đã hoàn thành {N.Count(r.Done)}, đang triển khai {N.Count(r.InProgress)}, chưa triển khai {N.Count(r.NotStarted)}, chưa báo cáo {N.Count(r.NotReported)}")), id: 2);
            }

            foreach (var h in digest.Highlights.Take(12))
            {
                body.Append(Text($"{h.UnitName} ({h.RequirementId}): “{h.Text}”."));
            }

            body.Append(SubHeading("3. Cán bộ đăng ký cam kết cá nhân"));
            body.Append(Text(cadres.Sum(c => c.Committed) == 0
                ? $"Năm {to.Year} chưa có cán bộ đăng ký cam kết cá nhân qua Trợ lý."
                : string.Join("; ", cadres.Select(c => $"{c.RequirementId}: {N.Count(c.Committed)} cán bộ đăng ký cam kết"
                    + (c.MidYearDone + c.MidYearPartly + c.MidYearNotYet > 0 ? $", giữa năm tự đánh giá đã thực hiện {N.Count(c.MidYearDone)}, một phần {N.Count(c.MidYearPartly)}, chưa {N.Count(c.MidYearNotYet)}" : "")
                    + (c.YearEndDone + c.YearEndPartly + c.YearEndNotYet > 0 ? $", cuối năm đã thực hiện {N.Count(c.YearEndDone)}, một phần {N.Count(c.YearEndPartly)}, chưa {N.Count(c.YearEndNotYet)}" : ""))) + "."));

            Assessment(body, whole, byUnit, digest);
            Directions(body, whole, byUnit, digest, annual);

            body.Append(Heading("V. ĐỀ XUẤT, KIẾN NGHỊ"));
            if (digest.Proposals.Count == 0 && voices.Count == 0)
            {
                body.Append(Text("[Văn phòng bổ sung đề xuất, kiến nghị; trong kỳ không có kiến nghị của đơn vị và ý kiến của cán bộ.]"));
            }

            foreach (var p in digest.Proposals)
            {
                body.Append(Text($"– {p.UnitName} (nội dung {p.RequirementId}): {p.Text}"));
            }

            foreach (var line in voices.Take(20))
            {
                body.Append(Text("– Ý kiến của cán bộ: " + line));
            }

            body.Append(Para("", size: 20));
            body.Append(Closing(o));
            Setup(main, body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>III: strengths, limitations and causes as neutral sentences drawn from the figures, for the office to edit.</summary>
    private static void Assessment(Body body, PeriodReport whole, IReadOnlyList<PeriodReport> byUnit, ImplementationDigest digest)
    {
        body.Append(Heading("III. ĐÁNH GIÁ CHUNG"));
        body.Append(SubHeading("1. Ưu điểm"));
        var best = byUnit.Where(u => u.AckRate is not null).OrderByDescending(u => u.AckRate).Take(3).ToList();
        body.Append(Text($"Tỷ lệ xác nhận đã đọc chung đạt {N.Percent(whole.AckRate)}; tỷ lệ đăng ký đạt {N.Percent(whole.RegisteredRate)} so với danh sách."
            + (best.Count > 0 ? " Các đơn vị có tỷ lệ xác nhận cao nhất: " + string.Join(", ", best.Select(u => $"{u.Name} ({N.Percent(u.AckRate)})")) + "." : "")));
        var completed = digest.Requirements.Where(r => r.Done > 0).Select(r => r.Requirement.Id).ToList();
        if (completed.Count > 0)
        {
            body.Append(Text($"Có đơn vị đã hoàn thành các nội dung: {string.Join(", ", completed)}."));
        }

        body.Append(SubHeading("2. Hạn chế"));
        var below = byUnit.Where(u => u.AckRate is { } r && whole.AckRate is { } all && r < all).OrderBy(u => u.AckRate).ToList();
        body.Append(Text(below.Count > 0
            ? "Các đơn vị có tỷ lệ xác nhận thấp hơn tỷ lệ chung: " + string.Join(", ", below.Take(10).Select(u => $"{u.Name} ({N.Percent(u.AckRate)})")) + "."
            : "Không có đơn vị có tỷ lệ xác nhận thấp hơn tỷ lệ chung."));
        var hardest = whole.Questions.Where(q => q.Answered >= 3 && q.Accuracy < 0.6).OrderBy(q => q.Accuracy).Take(3).ToList();
        if (hardest.Count > 0)
        {
            body.Append(Text("Các câu hỏi có tỷ lệ trả lời đúng thấp: " + string.Join("; ", hardest.Select(q => $"“{q.Question}” ({N.Percent(q.Accuracy)})")) + "."));
        }

        var missing = digest.Units.Count - digest.UnitsReported;
        if (missing > 0)
        {
            body.Append(Text($"{N.Count(missing)}/{N.Count(digest.Units.Count)} đơn vị chưa báo cáo kết quả thực hiện."));
        }

        body.Append(SubHeading("3. Nguyên nhân"));
        body.Append(Text("[Văn phòng đánh giá, bổ sung nguyên nhân của ưu điểm, hạn chế (chủ quan, khách quan); các số liệu trên được tổng hợp tự động từ Trợ lý.]"));
    }

    /// <summary>IV: directions drafted from what the figures point at.</summary>
    private static void Directions(Body body, PeriodReport whole, IReadOnlyList<PeriodReport> byUnit, ImplementationDigest digest, bool annual)
    {
        body.Append(Heading(annual ? "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI" : "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
        var n = 1;
        body.Append(Text($"{n++}. Tiếp tục quán triệt, tuyên truyền nội dung Thông báo số 920-TB/TU đến cán bộ, đảng viên chưa đăng ký, chưa xác nhận đã đọc."));
        var below = byUnit.Where(u => u.AckRate is { } r && whole.AckRate is { } all && r < all).Select(u => u.Name).Take(10).ToList();
        if (below.Count > 0)
        {
            body.Append(Text($"{n++}. Đôn đốc các đơn vị có tỷ lệ xác nhận thấp hơn tỷ lệ chung: {string.Join(", ", below)}."));
        }

        if (whole.Questions.Any(q => q.Answered >= 3 && q.Accuracy < 0.6))
        {
            body.Append(Text($"{n++}. Ôn tập lại các nội dung có tỷ lệ trả lời đúng thấp."));
        }

        var notDone = digest.Requirements.Where(r => r.Units > 0 && r.Done < r.Units).Select(r => r.Requirement.Id).ToList();
        if (notDone.Count > 0)
        {
            body.Append(Text($"{n++}. Các đơn vị tiếp tục triển khai, hoàn thành các nội dung: {string.Join(", ", notDone)}; báo cáo kết quả đúng hạn từng kỳ."));
        }

        body.Append(Text($"{n}. [Văn phòng bổ sung nhiệm vụ cụ thể.]"));
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" in a sentence: "Đảng ủy Khối các cơ quan tỉnh" (first letter and "Khối" kept capital).</summary>
    private static string Sentence(string upper)
    {
        var lower = upper.Trim().ToLower(Vi);
        lower = lower.Replace(" khối ", " Khối ", StringComparison.Ordinal);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], Vi) + lower[1..];
    }

    private static double? Ratio(int part, int total) => UnitReport.Ratio(part, total);
}
