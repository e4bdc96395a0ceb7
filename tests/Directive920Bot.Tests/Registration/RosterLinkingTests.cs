using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Registration;

public sealed class RosterLinkingTests
{
    [Fact]
    public async Task A_personal_invite_link_prefills_the_registration_and_links_exactly_that_roster_entry()
    {
        await using var bot = await BotHarness.StartAsync();
        ImportDemoRoster(bot);
        var entry = bot.Get<IRoster>().All().Single(e => e.FullName == "Bùi Văn Hiếu");
        bot.User(4001, "Hiếu");

        var welcome = await bot.SayAsync(4001, "/start p_" + entry.InviteCode);
        var summary = await bot.PressAndExpectReplyAsync(4001, welcome, "Đồng ý");
        Assert.Contains("Bùi Văn Hiếu", summary.Text, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(4001, summary, "Xác nhận");

        var subscriber = bot.Get<ISubscribers>().Find(4001)!;
        Assert.Equal(("Bùi Văn Hiếu", "SNV-VP", CadreRole.Staff, (int?)entry.Id), (subscriber.FullName, subscriber.UnitCode, subscriber.Role!.Value, subscriber.RosterEntryId));
        Assert.Equal(4001, bot.Get<IRoster>().Find(entry.Id)!.SubscriberId);
    }

    [Fact]
    public async Task A_cadre_typing_a_roster_name_without_diacritics_confirms_the_match_themselves()
    {
        await using var bot = await BotHarness.StartAsync();
        ImportDemoRoster(bot);
        await bot.RegisterAsync(4002, "Dang Thi Hang", "SNV-VP");
        var question = bot.BotMessages(4002)[^1];
        Assert.Contains("Đặng Thị Hằng", question.Text, StringComparison.Ordinal);

        await bot.PressAsync(4002, question, "Đúng, chính xác");

        var entry = bot.Get<IRoster>().All().Single(e => e.FullName == "Đặng Thị Hằng");
        Assert.Equal(4002, entry.SubscriberId);
    }

    [Fact]
    public async Task A_cadre_who_says_not_me_stays_unmatched_and_the_unit_admin_sees_both_lists_and_links_them()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        ImportDemoRoster(bot);
        await bot.RegisterAsync(4003, "Bùi Văn Hiếu", "SNV-VP");
        await bot.PressAsync(4003, bot.BotMessages(4003)[^1], "Không đúng");
        await bot.RegisterAsync(4004, "Người Chưa Có", "SNV-VP");
        Assert.Null(bot.Get<ISubscribers>().Find(4003)!.RosterEntryId);

        bot.User(UnitAdminInScope);
        var members = await bot.SayAsync(UnitAdminInScope, "/members SNV-VP");
        Assert.Contains("Đăng ký nhưng chưa khớp danh sách: 2", members.Text, StringComparison.Ordinal);
        Assert.Contains("Trong danh sách nhưng chưa đăng ký: 3", members.Text, StringComparison.Ordinal);
        Assert.Contains("Người Chưa Có", members.Text, StringComparison.Ordinal);
        Assert.Contains("Võ Thanh Hải", members.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ngô Thị Hương", members.Text, StringComparison.Ordinal); // SNV-CCVC: another unit

        await bot.PressAsync(UnitAdminInScope, members, "Bùi Văn Hiếu ↔ Bùi Văn Hiếu");

        Assert.NotNull(bot.Get<ISubscribers>().Find(4003)!.RosterEntryId);
        Assert.Contains(bot.Get<AuditLog>().Recent(), e => e.Action == "roster.link" && e.Actor == UnitAdminInScope && e.Target == "4003");
    }
}
