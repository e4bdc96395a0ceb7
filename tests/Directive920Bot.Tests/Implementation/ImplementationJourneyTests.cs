using System.Net;
using System.Text.Json;
using Directive920Bot.Implementation;
using DocumentFormat.OpenXml.Packaging;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

public sealed class ImplementationJourneyTests
{
    private const string Actions = "Tổ chức hội nghị quán triệt Thông báo 920 cho 45 đảng viên.";
    private const string Proposal = "Đề nghị Đảng ủy Khối ban hành mẫu kế hoạch thực hiện nội dung L2.";

    [Fact]
    public async Task A_unit_admin_reports_two_requirements_with_evidence_in_the_bot_and_the_bloc_sees_them_in_the_matrix_and_the_docx()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(UnitAdminInScope, "Trần Văn Bình", "SNV-VP");
        // Telegram lets a bot write only to people who started it: the STC admin and the bloc admin use the bot too.
        await bot.RegisterAsync(UnitAdminOutOfScope, "Lê Thị Cúc", "STC-VP");
        await bot.RegisterAsync(BlocAdmin, "Hoàng Văn Khối", "SNV-VP", leader: true);

        // L1: done, what was done, a PDF as evidence.
        var card = await bot.SayAsync(UnitAdminInScope, "/thuchien", m => m.Text!.Contains("Nội dung L1", StringComparison.Ordinal));
        await bot.PressAsync(UnitAdminInScope, card, "Đã hoàn thành");
        Assert.Contains("Tình trạng: Đã hoàn thành", bot.Current(UnitAdminInScope, card.MessageId).Text!, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(UnitAdminInScope, card, "Việc đã làm");
        var tooLong = await bot.SayAsync(UnitAdminInScope, new string('x', ImplementationService.MaxText + 1));
        Assert.Contains("dài quá", tooLong.Text!, StringComparison.Ordinal);
        card = await bot.SayAsync(UnitAdminInScope, Actions, m => m.Text!.Contains("Nội dung L1", StringComparison.Ordinal));
        Assert.Contains(Actions, card.Text!, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(UnitAdminInScope, card, "Minh chứng");
        var notAccepted = await bot.ExpectReplyAsync(UnitAdminInScope, () => bot.Emulator.SendDocument(UnitAdminInScope, "virus.pdf", "MZ\u0090\0"u8.ToArray(), "application/pdf"));
        Assert.Contains("không được chấp nhận", notAccepted.Text!, StringComparison.Ordinal);
        var saved = await bot.ExpectReplyAsync(UnitAdminInScope, () => bot.Emulator.SendDocument(UnitAdminInScope, "bien-ban-hoi-nghi.pdf", Pdf, "application/pdf"),
            m => m.Text!.Contains("Đã lưu minh chứng", StringComparison.Ordinal));
        Assert.Contains("bien-ban-hoi-nghi.pdf", saved.Text!, StringComparison.Ordinal);

        // L2: in progress, with a proposal (kiến nghị) and a link as evidence.
        card = await bot.PressAndExpectReplyAsync(UnitAdminInScope, card, "tiếp theo", m => m.Text!.Contains("Nội dung L2", StringComparison.Ordinal));
        await bot.PressAsync(UnitAdminInScope, card, "Đang triển khai");
        await bot.PressAndExpectReplyAsync(UnitAdminInScope, card, "Kiến nghị");
        card = await bot.SayAsync(UnitAdminInScope, Proposal, m => m.Text!.Contains("Nội dung L2", StringComparison.Ordinal));
        await bot.PressAndExpectReplyAsync(UnitAdminInScope, card, "Minh chứng");
        var badLink = await bot.SayAsync(UnitAdminInScope, "xem ở ổ chung");
        Assert.Contains("Đường dẫn chưa hợp lệ", badLink.Text!, StringComparison.Ordinal);
        card = await bot.SayAsync(UnitAdminInScope, "https://snv.nghean.gov.vn/ke-hoach-920", m => m.Text!.Contains("Nội dung L2", StringComparison.Ordinal));
        Assert.Contains("https://snv.nghean.gov.vn/ke-hoach-920", card.Text!, StringComparison.Ordinal);

        // The bloc admin's matrix: SNV done on L1 and in progress on L2; STC has not reported.
        using var bloc = bot.ApiAs(BlocAdmin);
        var matrix = JsonDocument.Parse(await bloc.GetStringAsync($"api/implementation/matrix?period={Period}")).RootElement;
        var snv = matrix.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "SNV");
        Assert.Equal(["done", "inProgress", "notReported"], snv.GetProperty("statuses").EnumerateArray().Take(3).Select(s => s.GetString()!).ToArray());
        var stc = matrix.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "STC");
        Assert.False(stc.GetProperty("reported").GetBoolean());
        var branch = JsonDocument.Parse(await bloc.GetStringAsync($"api/implementation/matrix?period={Period}&branch=SNV")).RootElement;
        Assert.Equal(["SNV"], branch.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(Pdf, await bloc.GetByteArrayAsync(ReportPath("SNV", "L1") + "/evidence"));
        var csv = await bloc.GetStringAsync($"api/implementation/matrix.csv?period={Period}");
        Assert.Contains("SNV,Sở Nội vụ,Đã hoàn thành,Đang triển khai,Chưa báo cáo", csv, StringComparison.Ordinal);
        var xlsx = await bloc.GetAsync($"api/implementation/matrix.xlsx?period={Period}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        var proposals = JsonDocument.Parse(await bloc.GetStringAsync($"api/implementation/proposals?period={Period}")).RootElement;
        Assert.Equal(Proposal, Assert.Single(proposals.EnumerateArray()).GetProperty("proposals").GetString());

        // The thematic DOCX of the bloc for the period carries the section, read back with the Open XML SDK.
        var docx = await bloc.GetByteArrayAsync("api/exports/thematic.docx?unit=KHOI&from=2026-10-01&to=2026-12-31");
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("V. Kết quả thực hiện", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("Quý IV năm 2026", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("“" + Actions + "” (Sở Nội vụ)", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("Sở Nội vụ (nội dung L2): " + Proposal, StringComparison.Ordinal));
            var table = document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Last();
            var l1 = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Single(r => r.InnerText.StartsWith("L1 —", StringComparison.Ordinal));
            var cells = l1.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray();
            Assert.Equal(["1", "0", "0", "3"], cells[1..]);
        }

        // A week before the deadline, STC's admin (who has not reported) is reminded, SNV's is not, the bloc gets the digest.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var reminder = await bot.ExpectReplyAsync(UnitAdminOutOfScope, () => bot.Get<ImplementationReminders>().Run(bot.Clock.GetUtcNow()));
        Assert.Contains("Sở Tài chính chưa báo cáo kỳ Quý IV năm 2026", reminder.Text!, StringComparison.Ordinal);
        await bot.Emulator.WaitUntilAsync(() => bot.BotMessages(BlocAdmin).Any(m => m.Text!.Contains("chưa báo cáo", StringComparison.Ordinal)));
        var digest = bot.BotMessages(BlocAdmin).Single(m => m.Text!.Contains("chưa báo cáo", StringComparison.Ordinal));
        // The count is labelled, and the deadline carries its weekday (31/12/2026 is a Thursday).
        Assert.Contains("(hạn thứ Năm, 31/12/2026): 3 trên tổng số 4 đơn vị", digest.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.BotMessages(UnitAdminInScope), m => m.Text!.Contains("Nhắc báo cáo", StringComparison.Ordinal));
        Assert.Equal(new ImplementationReminderRun(0, 0), bot.Get<ImplementationReminders>().Run(bot.Clock.GetUtcNow()));

        // The bloc locks the period: the bot and the API refuse changes.
        Assert.Equal(HttpStatusCode.OK, (await bloc.PostAsync($"api/implementation/periods/{Period}/lock", null)).StatusCode);
        var callback = await bot.PressAsync(UnitAdminInScope, card, "Đã hoàn thành");
        Assert.Contains("đã được khóa", bot.Emulator.GetCallbackAnswer(callback)!.Text!, StringComparison.Ordinal);
        using var unitApi = bot.ApiAs(UnitAdminInScope);
        Assert.Equal(HttpStatusCode.Conflict, (await unitApi.PutAsync(ReportPath("SNV", "L2"), Json("""{"status":"done"}"""))).StatusCode);
        Assert.Equal(ImplementationStatus.InProgress, bot.Get<IImplementationReports>().Find(ImplementationReport.IdFor(Period, "SNV", "L2"))!.Status);
        var locked = await bot.SayAsync(UnitAdminInScope, "/thuchien", m => m.Text!.Contains("đã được khóa", StringComparison.Ordinal));
        Assert.NotNull(locked);
    }
}
