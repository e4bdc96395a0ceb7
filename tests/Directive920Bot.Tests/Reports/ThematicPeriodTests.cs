using Directive920Bot.Content;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Directive920Bot.Tests.Engagement.EngagementKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Directive920Bot.Tests.Reports;

/// <summary>
/// The thematic report covers its period: lessons sent, acknowledged and answered in November and in December, and a
/// report for one month shows only that month's figures (read back with the Open XML SDK).
/// </summary>
public sealed class ThematicPeriodTests : IClassFixture<ThematicPeriodTests.Data>
{
    private static readonly DateTimeOffset November = new(2026, 11, 10, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset December = new(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly Data data;

    public ThematicPeriodTests(Data data) => this.data = data;

    /// <summary>
    /// November: two SNV-VP cadres get lesson 1, one acknowledges at once and answers its first question right.
    /// December: a third cadre registers in SNV-CCHC; all three get lesson 2 and two acknowledge it; the November
    /// cadre who had not acknowledged lesson 1 does so now (late) and answers its first question wrongly.
    /// </summary>
    public sealed class Data : IAsyncLifetime
    {
        public BotHarness Bot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // Two first answers are enough for the item analysis here (20 in service), so q1 of lesson 1 is analysed.
            Bot = await StartAsync(November, new Dictionary<string, string?> { ["Reports:ItemAnalysisMinimumAnswers"] = "2" });
            GrantUnitAdmins(Bot);
            var subscribers = Bot.Get<ISubscribers>();
            var an = await Bot.RegisterAsync(6101, "Nguyễn Văn An", TargetUnit);
            var binh = await Bot.RegisterAsync(6102, "Lê Thị Bình", TargetUnit);
            var (_, anLesson1) = await DeliverAsync(Bot, an, Lesson1);
            var (_, binhLesson1) = await DeliverAsync(Bot, binh, Lesson1);
            await PressAsync(Bot, an.Id, anLesson1.MessageId, AckLabel);
            var anQuestions = await WaitForQuestionsAsync(Bot, an.Id, 2);
            await PressOptionAsync(Bot, an.Id, anQuestions.Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 0);

            Bot.Clock.Advance(December - Bot.Clock.GetUtcNow());
            var chi = await Bot.RegisterAsync(6103, "Phạm Văn Chí", "SNV-CCHC");
            await PressAsync(Bot, binh.Id, binhLesson1.MessageId, AckLabel);
            var binhQuestions = await WaitForQuestionsAsync(Bot, binh.Id, 2);
            await PressOptionAsync(Bot, binh.Id, binhQuestions.Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 1);
            await DeliverAsync(Bot, subscribers.Find(an.Id)!, Lesson2);
            var (_, binhLesson2) = await DeliverAsync(Bot, subscribers.Find(binh.Id)!, Lesson2);
            var (_, chiLesson2) = await DeliverAsync(Bot, chi, Lesson2);
            await PressAsync(Bot, binh.Id, binhLesson2.MessageId, AckLabel);
            await PressAsync(Bot, chi.Id, chiLesson2.MessageId, AckLabel);
            await Bot.Emulator.WaitUntilAsync(() => Bot.Get<ReportService>().Unit(ScopeUnit)!.Acknowledged == 4, BotHarness.Wait);
        }

        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }

    [Fact]
    public async Task A_report_for_november_shows_only_what_was_sent_acknowledged_and_answered_in_november()
    {
        var doc = await DocxAsync("2026-11-01", "2026-11-30");

        var text = Text(doc);
        Assert.Contains("Từ ngày 01/11/2026 đến ngày 30/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("tại thời điểm lập báo cáo", text, StringComparison.Ordinal);
        var general = Rows(doc, 0);
        Assert.Equal("2", general["Đã đăng ký (đến hết ngày 30/11/2026)"][0]);
        Assert.Equal("2", general["Cán bộ đã nhận bài, thông báo trong kỳ"][0]);
        Assert.Equal("2", general["Lượt bài, thông báo đã gửi trong kỳ"][0]);
        Assert.Equal("1", general["Lượt xác nhận đã đọc trong kỳ"][0]);
        Assert.StartsWith("50%", general["Lượt xác nhận đã đọc trong kỳ"][1], StringComparison.Ordinal);
        Assert.Equal("1", general["Tham gia trắc nghiệm trong kỳ"][0]);
        Assert.Equal(["1 câu đúng trên 1 câu trả lời", "100% trả lời đúng"], general["Câu trả lời đúng trong kỳ"]);

        // Per lesson: lesson 1 only, with the acknowledgement made in November (the late one came in December).
        var lessons = Rows(doc, 1);
        Assert.Equal([Title(Lesson1)], lessons.Keys);
        Assert.Equal(["2", "1", "0", "50%"], lessons[Title(Lesson1)].Take(4));
        var quiz = Rows(doc, 2);
        Assert.Equal(["1", "1", "100%"], Assert.Single(quiz).Value);

        // The chart is the period's: one bar, lesson 1 at 50%.
        var chart = Chart(doc);
        Assert.Equal("Tỷ lệ xác nhận theo bài, 01/11/2026–30/11/2026: " + Title(Lesson1) + " 50%", chart.Description);
        Assert.Equal(Emu(ReportChart.Height(1)), chart.Height);

        var clauses = Section(text, "III.", "IV.");
        Assert.DoesNotContain(Title(Lesson2), clauses, StringComparison.Ordinal);
        Assert.Contains(Title(Lesson1), clauses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_for_december_shows_only_december_and_counts_a_late_acknowledgement_of_a_november_lesson_nowhere()
    {
        var doc = await DocxAsync("2026-12-01", "2026-12-31");

        var general = Rows(doc, 0);
        Assert.Equal("3", general["Đã đăng ký (đến hết ngày 31/12/2026)"][0]);
        Assert.Equal("3", general["Lượt bài, thông báo đã gửi trong kỳ"][0]);
        Assert.Equal("2", general["Lượt xác nhận đã đọc trong kỳ"][0]);
        Assert.Equal("1", general["Tham gia trắc nghiệm trong kỳ"][0]);
        Assert.Equal(["0 câu đúng trên 1 câu trả lời", "0% trả lời đúng"], general["Câu trả lời đúng trong kỳ"]);

        var lessons = Rows(doc, 1);
        Assert.Equal([Title(Lesson2)], lessons.Keys);
        Assert.Equal(["3", "2", "0", "66,7%"], lessons[Title(Lesson2)].Take(4));
        Assert.Equal("Tỷ lệ xác nhận theo bài, 01/12/2026–31/12/2026: " + Title(Lesson2) + " 66,7%", Chart(doc).Description);

        // The totals to date still hold both months: the period, not the data, made the difference.
        var total = data.Bot.Get<ReportService>().Unit(ScopeUnit)!;
        Assert.Equal((5, 4), (total.Delivered, total.Acknowledged));
    }

    [Fact]
    public async Task The_report_analyses_each_question_by_the_share_choosing_each_option_beside_the_questions_the_course_could_not_answer()
    {
        // One cadre's question that the course cannot answer ("ask the notice" keeps it for propaganda staff).
        await data.Bot.SayAsync(6101, "Thời tiết ngày mai ở Vinh thế nào?");
        var question = data.Bot.Get<ContentService>().Current.Find(Lesson1)!.For("vi").Quiz.Single(q => q.Id == "q1");

        var doc = await DocxAsync("2026-12-01", "2026-12-31");

        // q1 had two first answers: An chose the first authored option, Bình the second; the other questions none.
        var analysis = Rows(doc, 3);
        var row = Assert.Single(analysis);
        Assert.Equal(question.Question, row.Key);
        Assert.Equal("2", row.Value[0]);
        var shares = row.Value[1].Split(" · ");
        Assert.Equal(question.Options.Count, shares.Length);
        Assert.StartsWith("A 50%", shares[0], StringComparison.Ordinal);
        Assert.StartsWith("B 50%", shares[1], StringComparison.Ordinal);
        Assert.All(shares.Skip(2), s => Assert.Contains(" 0%", s, StringComparison.Ordinal));
        Assert.All(question.Correct, i => Assert.EndsWith("(đúng)", shares[i], StringComparison.Ordinal));
        Assert.Equal("Bình thường", row.Value[2]);
        // Section IV counts the period's questions the course could not answer, and lists them.
        Assert.Contains("Số câu hỏi của cán bộ chưa có trong nội dung học: 1", Text(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_sending_says_so_and_has_no_chart()
    {
        var doc = await DocxAsync("2026-10-01", "2026-10-31");

        var general = Rows(doc, 0);
        Assert.Equal("0", general["Đã đăng ký (đến hết ngày 31/10/2026)"][0]);
        Assert.Equal("0", general["Lượt bài, thông báo đã gửi trong kỳ"][0]);
        Assert.Contains("Không có bài học, thông báo nào được gửi trong kỳ.", Text(doc), StringComparison.Ordinal);
        Assert.Empty(doc.MainDocumentPart!.ImageParts);
    }

    private async Task<WordprocessingDocument> DocxAsync(string from, string to)
    {
        using var http = data.Bot.ApiAs(UnitAdminInScope);
        var bytes = await http.GetByteArrayAsync($"/api/exports/thematic.docx?unit={ScopeUnit}&from={from}&to={to}");
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    private string Title(string itemId) => data.Bot.Get<ContentService>().Current.Find(itemId)!.For("vi").Title;

    private static string Text(WordprocessingDocument doc) =>
        string.Join('\n', doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf("\n" + start, StringComparison.Ordinal);
        return text[from..text.IndexOf("\n" + end, from, StringComparison.Ordinal)];
    }

    /// <summary>Table <paramref name="index"/> of the body: first cell → the other cells, header row left out.</summary>
    private static Dictionary<string, string[]> Rows(WordprocessingDocument doc, int index) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Table>().ElementAt(index).Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ToDictionary(c => c[0], c => c[1..], StringComparer.Ordinal);

    private static (string? Description, long? Height) Chart(WordprocessingDocument doc)
    {
        var inline = Assert.Single(doc.MainDocumentPart!.Document!.Body!.Descendants<DW.Inline>());
        Assert.Single(doc.MainDocumentPart.ImageParts);
        return (inline.DocProperties!.Description?.Value, inline.Extent!.Cy?.Value);
    }

    private static long Emu(int pixels) => (long)(pixels * Math.Min(1.0, 600.0 / ReportChart.Width) * 9525);
}
