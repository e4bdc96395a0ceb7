using System.Text;
using System.Text.Json;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 7 (review): /mydata sends, beside the JSON, a readable summary in the person's language that explains
/// each part, with times in Vietnam time as dd/MM/yyyy HH:mm.
/// </summary>
public sealed class MyDataSummaryTests
{
    [Fact]
    public async Task Mydata_sends_a_vietnamese_summary_explaining_each_part_with_local_times_beside_the_json()
    {
        await using var bot = await StartAsync();
        // The harness clock stands at 01/12/2026 08:00 in Vietnam (01:00 UTC): consent and registration happen then.
        var cadre = await bot.RegisterAsync(2601, "Hồ Thị Lan", "SKHCN");
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        bot.Clock.Advance(TimeSpan.FromMinutes(35));
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var question = (await WaitForQuestionsAsync(bot, cadre.Id, 1)).First(m => m.Text!.Contains("1/", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, question.MessageId, Lesson1, "q1", 0);
        var ask = await bot.SayAsync(cadre.Id, "/gopy", m => m.Buttons.Count > 0);
        await bot.PressAndExpectReplyAsync(cadre.Id, ask, "Gửi kèm tên");
        var review = await bot.SayAsync(cadre.Id, "Đề nghị bổ sung ví dụ thực tế ở bài 1.", m => m.Buttons.Count > 0);
        await bot.PressAsync(cadre.Id, review, "Gửi góp ý");
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Engagement.IFeedback>().FromSubscriber(cadre.Id).Count == 1, BotHarness.Wait);
        bot.Get<RoleService>().Grant(AuditLog.Console, cadre.Id, AdminRole.UnitAdmin, "SKHCN");

        var before = bot.BotMessages(cadre.Id).Select(m => m.MessageId).ToHashSet();
        bot.Emulator.SendText(cadre.Id, "/dulieu");
        var files = await WaitForMessagesAsync(bot, cadre.Id, m => !before.Contains(m.MessageId) && m.Document is not null, 2);

        var summary = files.Single(f => f.Document!.FileName.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Equal("du-lieu-ca-nhan.txt", summary.Document!.FileName);
        var text = Encoding.UTF8.GetString(summary.Document.Content);
        var version = bot.Get<ConsentText>().Version;
        Assert.Contains("DỮ LIỆU CÁ NHÂN BOT ĐANG LƯU VỀ ĐỒNG CHÍ", text, StringComparison.Ordinal);
        Assert.Contains("■ Đăng ký, đơn vị và sự đồng ý", text, StringComparison.Ordinal);
        Assert.Contains("Họ và tên: Hồ Thị Lan", text, StringComparison.Ordinal);
        Assert.Contains($"Đơn vị: {bot.Get<IUnits>().Find("SKHCN")!.Name} (SKHCN)", text, StringComparison.Ordinal);
        Assert.Contains("Đồng ý xử lý dữ liệu lúc: 01/12/2026 08:00", text, StringComparison.Ordinal);
        Assert.Contains($"Phiên bản nội dung đã đồng ý: {version}", text, StringComparison.Ordinal);
        Assert.Contains("■ Tin bot đã gửi hoặc sắp gửi cho đồng chí", text, StringComparison.Ordinal);
        Assert.Contains($"bài học {Lesson1}: đã gửi lúc 01/12/2026 08:00", text, StringComparison.Ordinal);
        Assert.Contains("■ Xác nhận đã đọc và cam kết", text, StringComparison.Ordinal);
        Assert.Contains("01/12/2026 08:35 — ", text, StringComparison.Ordinal);
        Assert.Contains("■ Câu trả lời trắc nghiệm", text, StringComparison.Ordinal);
        Assert.Contains("câu q1: đúng", text, StringComparison.Ordinal);
        Assert.Contains("■ Góp ý gửi kèm tên", text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị bổ sung ví dụ thực tế ở bài 1.", text, StringComparison.Ordinal);
        Assert.Contains("■ Nhật ký quản trị về đồng chí", text, StringComparison.Ordinal);
        Assert.Contains("liên quan đến đồng chí", text, StringComparison.Ordinal);
        Assert.Contains("chỉ giữ số liệu tổng hợp theo đơn vị", text, StringComparison.Ordinal);
        // No UTC instant leaks into what the person reads: 01:00 UTC is 08:00 in Vietnam.
        Assert.DoesNotContain("01/12/2026 01:00", text, StringComparison.Ordinal);

        var json = files.Single(f => f.Document!.FileName.EndsWith(".json", StringComparison.Ordinal));
        using var parsed = JsonDocument.Parse(json.Document!.Content);
        Assert.Equal("Hồ Thị Lan", parsed.RootElement.GetProperty("profile").GetProperty("FullName").GetString());
    }

    [Fact]
    public async Task An_english_speaking_cadre_gets_the_summary_in_english()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2602, "Jane Doe", "SNV-VP", language: "en");

        var before = bot.BotMessages(cadre.Id).Select(m => m.MessageId).ToHashSet();
        bot.Emulator.SendText(cadre.Id, "/mydata");
        var files = await WaitForMessagesAsync(bot, cadre.Id, m => !before.Contains(m.MessageId) && m.Document is not null, 2);

        var summary = files.Single(f => f.Document!.FileName == "my-data.txt");
        var text = Encoding.UTF8.GetString(summary.Document!.Content);
        Assert.Contains("■ Registration, unit and consent", text, StringComparison.Ordinal);
        Assert.Contains("Consent given: 01/12/2026 08:00", text, StringComparison.Ordinal);
        Assert.Contains("Version of the consent text agreed to: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Họ và tên", text, StringComparison.Ordinal);
    }
}
