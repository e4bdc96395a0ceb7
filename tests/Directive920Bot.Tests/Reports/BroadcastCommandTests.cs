using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using static Directive920Bot.Tests.Reports.BroadcastKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class BroadcastCommandTests
{
    [Fact]
    public async Task A_bloc_admin_broadcasts_a_text_to_one_unit_now_and_only_its_members_receive_it_as_previewed()
    {
        await using var bot = await BroadcastKit.StartAsync();
        const string text = "Họp chi bộ lúc 14 giờ chiều nay tại phòng 201.";

        var time = await ChooseUnitAsync(bot, await StartTextAsync(bot, text), "Văn phòng Sở Nội vụ");
        var summary = await bot.PressAndExpectReplyAsync(BlocAdmin, time, "Gửi ngay", IsSummary);
        var (preview, _) = PreviewOf(bot, summary);
        Assert.Contains("1 người đã đăng ký", summary.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());

        var created = await bot.PressAndExpectReplyAsync(BlocAdmin, summary, "Xác nhận gửi");
        var received = await ReceivedAsync(bot, SnvCadre, m => m.Text?.Contains("Họp chi bộ", StringComparison.Ordinal) == true);

        Assert.Contains("Đã tạo chiến dịch", created.Text, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(preview).Html, received.Html);
        var campaign = Assert.Single(bot.Get<CampaignService>().List());
        var row = Assert.Single(bot.Get<CampaignService>().Deliveries(campaign.Id));
        Assert.Equal(SnvCadre, row.SubscriberId);
        Assert.DoesNotContain(bot.BotMessages(StcCadre), m => m.Text?.Contains("Họp chi bộ", StringComparison.Ordinal) == true);
        var entry = Assert.Single(bot.Get<AuditLog>().Recent(action: "campaign.create"));
        Assert.Equal(campaign.Id, entry.Target);
    }

    [Fact]
    public async Task Scheduling_a_lesson_at_a_local_time_sends_nothing_before_that_time()
    {
        await using var bot = await BroadcastKit.StartAsync();
        var lesson = bot.Get<ContentService>().Current.Find(Engagement.EngagementKit.Lesson2)!;
        var menu = await bot.SayAsync(BlocAdmin, "/guithongbao");
        var audience = await bot.PressAndExpectReplyAsync(BlocAdmin, menu, lesson.For("vi").Title);
        var roles = await bot.PressAndExpectReplyAsync(BlocAdmin, audience, "Toàn Khối");
        var time = await bot.PressAndExpectReplyAsync(BlocAdmin, roles, "Tất cả");

        // The harness starts on 1 Dec 2026 08:00 in Asia/Ho_Chi_Minh (UTC+7).
        var summary = await bot.SayAsync(BlocAdmin, "01/12/2026 15:30", IsSummary);
        Assert.Contains("01/12/2026 15:30", summary.Text, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(BlocAdmin, summary, "Xác nhận gửi");
        _ = time;

        var campaigns = bot.Get<CampaignService>();
        var campaign = Assert.Single(campaigns.List());
        Assert.Equal(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), campaign.SendAt);
        Assert.Equal(lesson.Id, campaign.LessonId);

        bot.Clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(29));
        campaigns.ExpandDue();
        Assert.Empty(campaigns.Deliveries(campaign.Id));

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        campaigns.ExpandDue();
        Assert.Equal(3, campaigns.Deliveries(campaign.Id).Count);
        await ReceivedAsync(bot, StcCadre, m => m.Html?.Contains(TelegramHtml.Escape(lesson.For("vi").Title), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_bad_or_past_time_gets_a_polite_answer_and_creates_nothing()
    {
        await using var bot = await BroadcastKit.StartAsync();
        await ChooseUnitAsync(bot, await StartTextAsync(bot, "Thông báo thử"), "Sở Tài chính");

        var bad = await bot.SayAsync(BlocAdmin, "mai 9 giờ");
        var impossible = await bot.SayAsync(BlocAdmin, "31/02/2026 09:00");
        var past = await bot.SayAsync(BlocAdmin, "01/12/2026 07:59");

        Assert.Contains("chưa đọc được thời điểm", bad.Text, StringComparison.Ordinal);
        Assert.Contains("dd/MM/yyyy HH:mm", impossible.Text, StringComparison.Ordinal);
        Assert.Contains("đã qua", past.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());

        // State unchanged: the dialogue still waits for a time.
        var summary = await bot.SayAsync(BlocAdmin, "02/12/2026 09:00", IsSummary);
        Assert.Contains("Sở Tài chính (gồm đơn vị trực thuộc)", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_after_the_chosen_time_has_passed_gets_the_polite_past_time_answer_and_creates_nothing()
    {
        await using var bot = await BroadcastKit.StartAsync();
        await ChooseUnitAsync(bot, await StartTextAsync(bot, "Thông báo thử"), "Sở Tài chính");
        var summary = await bot.SayAsync(BlocAdmin, "01/12/2026 08:30", IsSummary);

        bot.Clock.Advance(TimeSpan.FromHours(1));
        var late = await bot.PressAndExpectReplyAsync(BlocAdmin, summary, "Xác nhận");

        Assert.Contains("Thời điểm 01/12/2026 08:30 đã qua", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("in the past", late.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());
    }

    [Fact]
    public async Task A_cadre_typing_broadcast_gets_the_unknown_command_answer()
    {
        await using var bot = await BroadcastKit.StartAsync();

        var reply = await bot.SayAsync(SnvCadre, "/broadcast");

        Assert.Contains("chưa hiểu lệnh này", reply.Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<IBroadcastDrafts>().Find(SnvCadre));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_dialogue_resumes_it()
    {
        await using var bot = await BroadcastKit.StartAsync();
        var menu = await bot.SayAsync(BlocAdmin, "/broadcast");
        await bot.PressAndExpectReplyAsync(BlocAdmin, menu, "Thông báo");

        await bot.RestartAsync();
        var audience = await bot.SayAsync(BlocAdmin, "Sau khởi động lại");
        var time = await ChooseUnitAsync(bot, audience, "Văn phòng Sở Nội vụ", subUnits: false);
        await bot.RestartAsync();
        var summary = await bot.SayAsync(BlocAdmin, "02/12/2026 09:00", IsSummary);

        Assert.Contains("Sau khởi động lại", PreviewOf(bot, summary).Preview.Single().Text, StringComparison.Ordinal);
        Assert.DoesNotContain("trực thuộc", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Khi nào gửi", time.Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<ISubscribers>().Find(BlocAdmin)!.Conversation);
    }
}
