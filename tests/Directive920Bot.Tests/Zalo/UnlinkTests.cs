using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Zalo;

/// <summary>/huylienket (/unlink): one address leaves the person, the records stay, the address is a stranger again.</summary>
public sealed class UnlinkTests
{
    [Fact]
    public async Task Unlinking_Zalo_from_Telegram_keeps_the_acknowledgement_once_and_that_Zalo_account_starts_as_a_new_user()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await LinkedOnBothAsync(kit, 3401, "zu-3401", "Đinh Văn Hải");
        var (_, lesson) = await DeliverAsync(kit.Bot, cadre, Lesson1);
        await PressAsync(kit.Bot, 3401, lesson.MessageId, AckLabel);

        var ask = await kit.Bot.SayAsync(3401, "/huylienket", m => m.Buttons.Count > 0);
        Assert.Contains("chọn tài khoản cần hủy liên kết", ask.Text, StringComparison.Ordinal);
        var labels = ask.Buttons.SelectMany(r => r).Select(b => b.Text).ToList();
        // The Telegram account registered with is the profile's own: only Zalo (and keeping both) is offered.
        Assert.Equal(["Hủy liên kết Zalo", "Giữ nguyên"], labels);
        var done = await kit.Bot.PressAndExpectReplyAsync(3401, ask, "Hủy liên kết Zalo");

        Assert.Contains("Đã hủy liên kết tài khoản Zalo khỏi hồ sơ", done.Text, StringComparison.Ordinal);
        var directory = kit.Bot.Get<IPersonDirectory>();
        Assert.Null(directory.Find(new ChannelAddress("zalo", "zu-3401")));
        Assert.Equal([ChannelAddress.ForTelegram(3401)], directory.AddressesOf(cadre.Id));
        Assert.Equal(ChannelUse.Telegram, kit.Bot.Get<ISubscribers>().Find(cadre.Id)!.Channels);
        Assert.Equal("zalo", Assert.Single(kit.Bot.Get<AuditLog>().Recent(action: "person.unlink")).Target);

        // The same press again: nothing left to remove, nothing changed (idempotent).
        var again = await kit.Bot.PressAndExpectReplyAsync(3401, ask, "Hủy liên kết Zalo");
        Assert.Contains("đã không còn liên kết", again.Text, StringComparison.Ordinal);
        Assert.Single(kit.Bot.Get<AuditLog>().Recent(action: "person.unlink"));

        // The Zalo account is a stranger: /start asks for consent, and registering makes a second person with no records.
        var start = await kit.SayAsync("zu-3401", "/start");
        Assert.Contains(start, m => m.Text.Contains("Đồng ý", StringComparison.Ordinal));
        var stranger = await kit.RegisterAsync("zu-3401", "Đinh Thị Hà");
        Assert.NotEqual(cadre.Id, stranger.Id);
        Assert.Empty(kit.Bot.Get<IAcknowledgements>().ForSubscriber(stranger.Id));
        Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        var unit = kit.Bot.Get<ReportService>().Unit("SNV-VP")!;
        Assert.Equal((2, 1), (unit.Registered, unit.Acknowledged));
        Assert.Equal((1, 1, 0), (unit.TelegramOnly, unit.ZaloOnly, unit.BothChannels));
    }

    [Fact]
    public async Task Unlinking_the_Zalo_account_one_types_on_by_typed_reply_is_confirmed_there_and_told_on_Telegram()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await LinkedOnBothAsync(kit, 3402, "zu-3402", "Mai Thị Thu");

        var ask = await kit.SayAsync("zu-3402", "/huylienket");
        Assert.Contains(ask, m => m.Text.Contains("Trả lời 1 để chọn: Hủy liên kết Zalo (tài khoản này)", StringComparison.Ordinal));
        var notice = await kit.Bot.ExpectReplyAsync(3402, () => kit.Zalo.SendText("zu-3402", "1"),
            m => m.Text?.Contains("Tài khoản Zalo đã được hủy liên kết khỏi hồ sơ", StringComparison.Ordinal) == true);

        Assert.Contains("/lienket", notice.Text, StringComparison.Ordinal);
        await kit.Emulator.WaitUntilAsync(() => kit.Zalo.Transcript("zu-3402").Any(m => m.FromBot && m.Text.Contains("Đã hủy liên kết tài khoản Zalo này", StringComparison.Ordinal)), BotHarness.Wait);
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3402")));
        Assert.Equal([ChannelAddress.ForTelegram(3402)], kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));

        // Typing the old choice again is a stranger's "1": no profile behind it, nothing removed twice.
        await kit.SayAsync("zu-3402", "1");
        Assert.Single(kit.Bot.Get<AuditLog>().Recent(action: "person.unlink"));
        Assert.True(kit.Bot.Get<ISubscribers>().Find(cadre.Id)!.IsRegistered);
    }

    [Fact]
    public async Task A_profile_that_began_on_Zalo_can_unlink_either_account_but_never_the_last_one()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-3403", "Lương Văn Phúc");
        var code = await kit.CodeFromZaloAsync("zu-3403");
        kit.Bot.User(3403, "Phúc");
        await kit.Bot.SayAsync(3403, "/lienket " + code, m => m.Text?.Contains("Đã liên kết", StringComparison.Ordinal) == true);
        var onZalo = await kit.SayAsync("zu-3403", "/huylienket"); // both offered on Zalo: this account and Telegram
        Assert.Contains(onZalo, m => m.Text.Contains("Hủy liên kết Telegram", StringComparison.Ordinal) && m.Text.Contains("Hủy liên kết Zalo (tài khoản này)", StringComparison.Ordinal));

        var ask = await kit.Bot.SayAsync(3403, "/unlink", m => m.Buttons.Count > 0);
        var done = await kit.Bot.PressAndExpectReplyAsync(3403, ask, "Hủy liên kết Telegram", m => m.Text?.Contains("Telegram", StringComparison.Ordinal) == true);

        Assert.Contains("Đã hủy liên kết tài khoản Telegram này", done.Text, StringComparison.Ordinal);
        Assert.Equal([new ChannelAddress("zalo", "zu-3403")], kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(3403)));

        // The Zalo offer made before still stands, but Zalo is now the profile's last account: refused, nothing changed.
        var last = await kit.ChooseAsync("zu-3403", "Hủy liên kết Zalo");
        Assert.Contains(last, m => m.Text.Contains("tài khoản duy nhất còn lại", StringComparison.Ordinal));
        Assert.Equal(cadre.Id, kit.PersonOf("zu-3403"));
        var only = await kit.SayAsync("zu-3403", "/huylienket");
        Assert.Contains(only, m => m.Text.Contains("chỉ có một tài khoản (Zalo)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unlink_before_registering_says_how_to_register_and_stores_nothing()
    {
        await using var kit = await ZaloKit.StartAsync();
        kit.Zalo.AddUser("zu-3404", "Nga");

        var reply = await kit.SayAsync("zu-3404", "/unlink");

        Assert.Contains(reply, m => m.Text.Contains("/start", StringComparison.Ordinal));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3404")));
    }

    private static async Task<Subscriber> LinkedOnBothAsync(ZaloKit kit, long telegramId, string zaloId, string fullName)
    {
        var cadre = await kit.Bot.RegisterAsync(telegramId, fullName);
        var code = await kit.CodeFromTelegramAsync(telegramId);
        kit.Zalo.AddUser(zaloId, fullName.Split(' ')[^1]);
        await kit.SayAsync(zaloId, "/lienket " + code);
        Assert.Equal(cadre.Id, kit.PersonOf(zaloId));
        return cadre;
    }
}
