using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using MiniExcelLibs;

namespace Directive920Bot.Tests.Delivery;

/// <summary>The roster's optional dang_vien column, the "party members only" audience, and the meeting notice's button (#14 §3).</summary>
public sealed class PartyMemberAudienceTests
{
    private const string Header = "full_name,unit_code,role,position,phone,dang_vien\n";

    [Fact]
    public async Task The_dang_vien_column_accepts_what_units_type_by_hand_and_is_stored_on_the_roster_entry()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var result = Import(bot, "roster.csv", Header +
            "Nguyễn Văn An,SNV-VP,staff,,0900000001,x\n" +
            "Trần Thị Bình,SNV-VP,staff,,0900000002,Có\n" +
            "Lê Văn Cường,SNV-VP,leader,,0900000003,1\n" +
            "Phạm Thị Dung,SNV-VP,staff,,0900000004,TRUE\n" +
            "Hoàng Văn Em,SNV-VP,staff,,0900000005,\n" +
            "Đỗ Thị Giang,SNV-VP,staff,,0900000006,không\n");

        Assert.True(result.Ok, string.Join('\n', result.Errors));
        var members = bot.Get<IRoster>().All().Where(e => e.PartyMember).Select(e => e.FullName).Order().ToArray();
        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An", "Phạm Thị Dung", "Trần Thị Bình"], members);
    }

    [Fact]
    public async Task A_roster_without_the_dang_vien_column_still_imports_and_nobody_is_a_party_member()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var result = Import(bot, "roster.csv", "full_name,unit_code,role\nNguyễn Văn An,SNV-VP,staff\n");

        Assert.True(result.Ok, string.Join('\n', result.Errors));
        Assert.False(Assert.Single(bot.Get<IRoster>().All()).PartyMember);
    }

    [Fact]
    public async Task An_unreadable_dang_vien_value_names_its_line_and_imports_nothing()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var result = Import(bot, "roster.csv", Header +
            "Nguyễn Văn An,SNV-VP,staff,,0900000001,x\n" +
            "Trần Thị Bình,SNV-VP,staff,,0900000002,maybe\n");

        Assert.Contains(result.Errors, e => e.StartsWith("roster.csv:3: dang_vien 'maybe'", StringComparison.Ordinal));
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task An_xlsx_roster_carries_the_dang_vien_column_too()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var rows = new[]
        {
            new Dictionary<string, object> { ["full_name"] = "Lê Thị Oanh", ["unit_code"] = "STC-NS", ["role"] = "lãnh đạo", ["dang_vien"] = "x" },
            new Dictionary<string, object> { ["full_name"] = "Hoàng Thị Quỳnh", ["unit_code"] = "STC-NS", ["role"] = "staff", ["dang_vien"] = "" },
        };
        using var file = new MemoryStream();
        file.SaveAs(rows);
        file.Position = 0;

        var result = bot.Get<RosterImporter>().Import("roster.xlsx", file);

        Assert.True(result.Ok, string.Join('\n', result.Errors));
        Assert.Equal(["Lê Thị Oanh"], bot.Get<IRoster>().All().Where(e => e.PartyMember).Select(e => e.FullName).ToArray());
    }

    [Fact]
    public async Task A_party_members_only_campaign_reaches_only_cadres_whose_roster_entry_says_dang_vien()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(21, "SNV-VP");
        bot.Seed(22, "SNV-VP");
        bot.Seed(23, "SNV-VP", leader: true);
        bot.Seed(24, "SNV-VP"); // registered but on no roster: not counted as a party member
        Assert.True(Import(bot, "roster.csv", Header +
            "Cán bộ Hai Mốt,SNV-VP,staff,,0900000021,x\n" +
            "Cán bộ Hai Hai,SNV-VP,staff,,0900000022,\n" +
            "Cán bộ Hai Ba,SNV-VP,leader,,0900000023,có\n").Ok);
        Link(bot, "0900000021", 21);
        Link(bot, "0900000022", 22);
        Link(bot, "0900000023", 23);

        var meeting = bot.Get<CampaignService>().Create(
            new CampaignRequest("study-at-next-meeting", null, new AudienceRequest(["SNV-VP"], PartyMembersOnly: true), RequireAck: true),
            Actor.Console("test"));
        await bot.DrainAsync(meeting.Id);

        Assert.Equal([21L, 23], bot.Get<CampaignService>().Deliveries(meeting.Id).Select(r => r.SubscriberId).Order().ToArray());
        Assert.Empty(bot.BotMessages(22));
        Assert.Empty(bot.BotMessages(24));
        Assert.True(bot.Get<CampaignService>().Find(meeting.Id)!.Audience.PartyMembersOnly);
    }

    [Fact]
    public async Task A_meeting_notice_button_says_received_while_a_lesson_button_says_read_and_commit()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(31, "SNV-VP");
        bot.Seed(32, "SNV-VP", language: "en");

        var meeting = bot.Get<CampaignService>().Create(
            new CampaignRequest("study-at-next-meeting", null, new AudienceRequest(["SNV-VP"]), RequireAck: true), Actor.Console("test"));
        await bot.DrainAsync(meeting.Id);
        var lesson = bot.Get<CampaignService>().Create(
            new CampaignRequest("c1-context", null, new AudienceRequest(["SNV-VP"]), RequireAck: true), Actor.Console("test"));
        await bot.DrainAsync(lesson.Id);

        var vi = bot.BotMessages(31).SelectMany(m => m.Buttons.SelectMany(r => r)).Select(b => b.Text).ToList();
        Assert.Contains("✅ Đã nhận thông báo", vi);
        Assert.Contains("✅ Đã đọc và cam kết thực hiện", vi);
        Assert.Single(vi, t => t.Contains("cam kết", StringComparison.Ordinal));
        var en = bot.BotMessages(32).SelectMany(m => m.Buttons.SelectMany(r => r)).Select(b => b.Text).ToList();
        Assert.Contains("✅ Received", en);
    }

    private static RosterImportResult Import(BotHarness bot, string fileName, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return bot.Get<RosterImporter>().Import(fileName, stream);
    }

    private static void Link(BotHarness bot, string phone, long subscriberId)
    {
        var entry = bot.Get<IRoster>().All().Single(e => e.Phone == phone);
        entry.SubscriberId = subscriberId;
        bot.Get<IStorage>().Write(tx => bot.Get<IRoster>().Save(tx, entry));
    }
}
