using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>
/// What a Vietnamese admin and cadre read, rendered by the real host: numbers in vi-VN ("33,3%"), campaigns by content and
/// time, people by name — never a decimal point in a percentage, a campaign's hex id or an actor key such as <c>bot:9001</c>.
/// </summary>
public sealed partial class VietnameseOutputTests
{
    private const long Third = 7103;
    private const long Fourth = 7104;

    [Fact]
    public async Task A_report_a_reminder_and_the_campaign_list_read_in_vietnamese_without_internal_ids()
    {
        await using var bot = await BroadcastKit.StartAsync();
        await bot.RegisterAsync(Third, "Võ Thanh Hải", TargetUnit);
        await bot.RegisterAsync(Fourth, "Lê Thị Mai", TargetUnit);
        // An announcement for the three cadres of SNV-VP, created by the bloc admin in the bot; one of three acknowledges.
        var campaigns = bot.Get<CampaignService>();
        var campaign = campaigns.Create(
            new CampaignRequest(null, "Họp chi bộ quán triệt Thông báo 920-TB/TU", new AudienceRequest(Units: [TargetUnit]), RequireAck: true),
            Actor.Bot(BlocAdmin));
        var received = new List<ChatMessage>();
        foreach (var cadre in new[] { BroadcastKit.SnvCadre, Third, Fourth })
        {
            received.Add(await BroadcastKit.ReceivedAsync(bot, cadre, m => m.Text?.Contains("Họp chi bộ", StringComparison.Ordinal) == true));
        }

        // A chat has the message as soon as Telegram answered the send; the row's outcome and the unit's counters commit
        // just after. The report below must count all three sends: it is read once the ledger says none is in flight.
        await Directive920Bot.Tests.Delivery.DeliveryKit.DrainAsync(bot, campaign.Id);
        await EngagementKit.PressAsync(bot, BroadcastKit.SnvCadre, received[0].MessageId, EngagementKit.ReceivedLabel);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ReportService>().Unit(TargetUnit)!.Acknowledged == 1, BotHarness.Wait);

        // The report in the chat, its "nudge now" reminder to the cadre who has not acknowledged, and the DOCX.
        var report = await bot.SayAsync(BlocAdmin, "/baocao SNV-VP", m => m.Photo is null);
        var nudge = await bot.PressAsync(BlocAdmin, report, "Nhắc ngay");
        Assert.Equal("Đã gửi nhắc tới 2 cán bộ.", bot.Emulator.GetCallbackAnswer(nudge)!.Text);
        var reminder = (await EngagementKit.WaitForMessagesAsync(bot, Third, m => m.Text?.Contains("Đơn vị nhắc đồng chí", StringComparison.Ordinal) == true, 1))[0];
        var pending = await bot.PressAndExpectReplyAsync(BlocAdmin, report, "Danh sách chưa xác nhận");
        var day = DateOnly.FromDateTime(bot.Get<Directive920Bot.Hosting.BotClock>().LocalNow);
        var docx = DocxText(bot.Get<ReportExports>().Thematic(TargetUnit, day, day, []));

        // The campaign list and one campaign's detail.
        var list = await bot.SayAsync(BlocAdmin, "/dotgui");
        var detail = await bot.PressAndExpectReplyAsync(BlocAdmin, list, "🔎 1. Tin thông báo: Họp chi bộ");

        var texts = new Dictionary<string, string>
        {
            ["report"] = report.Text!,
            ["reminder"] = reminder.Text!,
            ["pending"] = pending.Text!,
            ["docx"] = docx,
            ["list"] = list.Text + "\n" + string.Join('\n', list.Buttons.SelectMany(r => r).Select(b => b.Text)),
            ["detail"] = detail.Text + "\n" + string.Join('\n', detail.Buttons.SelectMany(r => r).Select(b => b.Text)),
        };
        foreach (var (name, text) in texts)
        {
            Assert.False(DecimalPointPercent().IsMatch(text), $"{name} writes a percentage with a decimal point: {text}");
            Assert.DoesNotContain(campaign.Id, text, StringComparison.Ordinal);
            Assert.False(CampaignIdShape().IsMatch(text), $"{name} shows a raw campaign id: {text}");
            Assert.False(ActorKey().IsMatch(text), $"{name} shows an actor key: {text}");
            Assert.DoesNotContain("campaign:", text, StringComparison.Ordinal);
        }

        // And the texts say what they should instead (the checks above would pass on an empty text).
        Assert.True(texts["report"].Contains("Xác nhận: 1 (33,3%", StringComparison.Ordinal), texts["report"]);
        Assert.Contains("33,3%", texts["docx"], StringComparison.Ordinal);
        Assert.Contains("Họp chi bộ quán triệt", texts["reminder"], StringComparison.Ordinal);
        // The campaign's time with its weekday: 01/12/2026 is a Tuesday.
        Assert.Matches(@"1\. Tin thông báo: Họp chi bộ quán triệt [^\n]* – 08:00 thứ Ba, 01/12/2026 — đã xong", texts["list"]);
        Assert.Contains("Người tạo: Trần Quản Trị", texts["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xác nhận: 1 (33.3%)", true)]
    [InlineData("Xác nhận: 1 (33,3 %)", false)]
    [InlineData("Tỷ lệ 1.234 người, 50%", false)]
    public void The_decimal_point_check_catches_an_english_percentage_and_only_that(string text, bool caught) =>
        Assert.Equal(caught, DecimalPointPercent().IsMatch(text));

    [Fact]
    public void The_id_checks_catch_a_hex_campaign_id_and_an_actor_key()
    {
        Assert.Matches(CampaignIdShape(), "🔎 a3f91c02be");
        Assert.Matches(ActorKey(), "Người tạo: bot:123456789");
        Assert.DoesNotMatch(CampaignIdShape(), "Bài 3 – 08:00 thứ Năm, 19/11/2026");
    }

    private static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [GeneratedRegex(@"\d\.\d+\s*%")]
    private static partial Regex DecimalPointPercent();

    /// <summary>The shape of <c>CampaignService</c>'s ids: ten lowercase hex digits standing alone.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9a-f]{10}(?![0-9A-Za-z])")]
    private static partial Regex CampaignIdShape();

    [GeneratedRegex(@"\bbot:\d+")]
    private static partial Regex ActorKey();
}
