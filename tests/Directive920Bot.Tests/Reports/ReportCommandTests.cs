using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using SkiaSharp;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class ReportCommandTests
{
    /// <summary>Two cadres of SNV-VP receive lesson 1 through the real ledger; one acknowledges it.</summary>
    private static async Task<BotHarness> WithOneAcknowledgedOfTwoAsync()
    {
        var bot = await StartAsync();
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(7001, "Đặng Thị Hằng", TargetUnit);
        await bot.RegisterAsync(7002, "Bùi Văn Hiếu", TargetUnit);
        var subscribers = bot.Get<ISubscribers>();
        var (_, lesson) = await EngagementKit.DeliverAsync(bot, subscribers.Find(7001)!, EngagementKit.Lesson1);
        await EngagementKit.DeliverAsync(bot, subscribers.Find(7002)!, EngagementKit.Lesson1);
        await EngagementKit.PressAsync(bot, 7001, lesson.MessageId, EngagementKit.AckLabel);
        return bot;
    }

    [Fact]
    public async Task The_chat_report_adds_the_item_analysis_and_the_count_of_questions_the_course_could_not_answer()
    {
        await using var bot = await WithOneAcknowledgedOfTwoAsync();
        await bot.RegisterAsync(7003, "Lê Thị Cúc", TargetUnit);
        await bot.SayAsync(7003, "Thời tiết ngày mai ở Vinh thế nào?");
        bot.User(UnitAdminInScope);

        var summary = await bot.SayAsync(UnitAdminInScope, "/baocao SNV-VP", m => m.Photo is null);

        Assert.Contains("Phân tích câu hỏi", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Gần như ai cũng trả lời đúng ngay: không có", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi của cán bộ chưa tìm được nội dung trả lời (hỏi – đáp): 1 câu", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_admin_gets_a_summary_and_a_chart_of_their_unit()
    {
        await using var bot = await WithOneAcknowledgedOfTwoAsync();
        bot.User(UnitAdminInScope);

        var summary = await bot.SayAsync(UnitAdminInScope, "/baocao SNV-VP", m => m.Photo is null);
        var photo = bot.BotMessages(UnitAdminInScope).Single(m => m.Photo is not null);

        Assert.Contains("Đã đăng ký: 2", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Lượt gửi: 2 · Xác nhận: 1 (50%", summary.Text, StringComparison.Ordinal);
        using var png = SKBitmap.Decode(photo.Photo!.Content);
        Assert.Equal(900, png.Width);
        Assert.Equal(["Danh sách chưa xác nhận", "Nhắc ngay", "Báo cáo chuyên đề (DOCX)", "Cán bộ chưa khớp danh sách"], summary.Buttons.SelectMany(r => r).Select(b => b.Text));
    }

    [Fact]
    public async Task The_list_button_names_who_has_not_acknowledged()
    {
        await using var bot = await WithOneAcknowledgedOfTwoAsync();
        bot.User(UnitAdminInScope);
        var summary = await bot.SayAsync(UnitAdminInScope, "/report SNV-VP", m => m.Photo is null);

        var list = await bot.PressAndExpectReplyAsync(UnitAdminInScope, summary, "Danh sách chưa xác nhận");

        Assert.Contains("Chưa xác nhận (1)", list.Text, StringComparison.Ordinal);
        Assert.Contains("Bùi Văn Hiếu", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đặng Thị Hằng", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_now_reaches_only_the_non_acknowledgers_once_a_day_and_is_audited()
    {
        await using var bot = await WithOneAcknowledgedOfTwoAsync();
        bot.User(UnitAdminInScope);
        var summary = await bot.SayAsync(UnitAdminInScope, "/report SNV-VP", m => m.Photo is null);

        var first = await bot.PressAsync(UnitAdminInScope, summary, "Nhắc ngay");
        Assert.Equal("Đã gửi nhắc tới 1 cán bộ.", bot.Emulator.GetCallbackAnswer(first)!.Text);
        var nudge = await EngagementKit.WaitForMessagesAsync(bot, 7002, m => m.Text!.Contains("Đơn vị nhắc đồng chí", StringComparison.Ordinal), 1);
        var title = bot.Get<Directive920Bot.Content.ContentService>().Current.Find(EngagementKit.Lesson1)!.For("vi").Title;
        Assert.Contains(title, nudge[0].Text, StringComparison.Ordinal);

        var again = await bot.PressAsync(UnitAdminInScope, summary, "Nhắc ngay");
        Assert.StartsWith("Hôm nay đơn vị đã được nhắc", bot.Emulator.GetCallbackAnswer(again)!.Text, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await bot.PressAsync(UnitAdminInScope, summary, "Nhắc ngay");
        Assert.Equal("Đã gửi nhắc tới 1 cán bộ.", bot.Emulator.GetCallbackAnswer(nextDay)!.Text);

        Assert.DoesNotContain(bot.BotMessages(7001), m => m.Text!.Contains("Đơn vị nhắc đồng chí", StringComparison.Ordinal));
        Assert.Equal(3, bot.Get<AuditLog>().Recent(action: "nudge").Count(e => e.Actor == UnitAdminInScope && e.Target == TargetUnit));
    }

    [Fact]
    public async Task The_docx_button_asks_for_the_period_and_sends_the_thematic_report_of_that_period_as_a_file()
    {
        await using var bot = await WithOneAcknowledgedOfTwoAsync();
        bot.User(BlocAdmin);
        var summary = await bot.SayAsync(BlocAdmin, "/report SNV-VP", m => m.Photo is null);

        var periods = await bot.PressAndExpectReplyAsync(BlocAdmin, summary, "DOCX");
        Assert.Equal(["Tháng này (01/12/2026–01/12/2026)", "Tháng trước (01/11/2026–30/11/2026)", "Từ đầu năm (01/01/2026–01/12/2026)"],
            periods.Buttons.SelectMany(r => r).Select(b => b.Text));
        var file = await bot.PressAndExpectReplyAsync(BlocAdmin, periods, "Tháng này", m => m.Document is not null);
        var lastMonth = await bot.PressAndExpectReplyAsync(BlocAdmin, periods, "Tháng trước", m => m.Document is not null);

        Assert.Equal("bao-cao-chuyen-de-920-SNV-VP.docx", file.Document!.FileName);
        Assert.Contains("từ ngày 01/12/2026 đến ngày 01/12/2026", file.Text, StringComparison.Ordinal);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(file.Document.Content), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("BÁO CÁO CHUYÊN ĐỀ", text, StringComparison.Ordinal);
        Assert.Contains("Từ ngày 01/12/2026 đến ngày 01/12/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Không có bài học, thông báo nào được gửi trong kỳ.", text, StringComparison.Ordinal);
        using var november = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(lastMonth.Document!.Content), false);
        Assert.Contains("Không có bài học, thông báo nào được gửi trong kỳ.", november.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Contains(bot.Get<AuditLog>().Recent(), e => e.Action == "export" && e.Actor == BlocAdmin && e.Details == "thematic.docx 2026-11-01..2026-11-30 (bot)");
    }
}
