using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Zalo;

/// <summary>One cadre, one identity: /lienket on one channel, the code on the other, against the emulator's two dialects.</summary>
public sealed class AccountLinkTests
{
    [Fact]
    public async Task A_cadre_links_Zalo_with_a_code_from_Telegram_and_acknowledging_on_both_channels_counts_once()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.Bot.RegisterAsync(3201, "Trần Văn Bình");
        var code = await kit.CodeFromTelegramAsync(3201);
        kit.Zalo.AddUser("zu-3201", "Bình");

        var linked = await kit.SayAsync("zu-3201", "/lienket " + code);

        Assert.Contains(linked, m => m.Text.Contains("Đã liên kết tài khoản Zalo", StringComparison.Ordinal) && m.Text.Contains("Trần Văn Bình", StringComparison.Ordinal));
        Assert.Equal(cadre.Id, kit.PersonOf("zu-3201"));
        Assert.Equal([ChannelAddress.ForTelegram(3201), new ChannelAddress("zalo", "zu-3201")], kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));

        // The lesson goes to the preferred (first) address, Telegram; on Zalo the same person reopens it with /baihoc.
        var (_, lesson) = await DeliverAsync(kit.Bot, cadre, Lesson1);
        await kit.SayAsync("zu-3201", "/baihoc");
        await kit.ChooseAsync("zu-3201", "1.");
        await kit.ChooseAsync("zu-3201", AckLabel);
        var ack = Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));

        await PressAsync(kit.Bot, 3201, lesson.MessageId, AckLabel);

        Assert.Equal(ack.DeliveryId, Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id)).DeliveryId);
        var unit = kit.Bot.Get<ReportService>().Unit("SNV-VP")!;
        Assert.Equal(1, unit.Registered);
        Assert.Equal(1, unit.Acknowledged);
    }

    [Fact]
    public async Task A_link_code_is_stored_hashed_used_once_and_refused_after_it_expires()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.Bot.RegisterAsync(3202);
        var code = await kit.CodeFromTelegramAsync(3202);
        var stored = kit.Bot.Get<ICallbackKeyRecords>().FindByIdentity($"{cadre.Id}|{LinkCodes.Action}|")!;
        Assert.DoesNotContain(code.Replace(" ", "", StringComparison.Ordinal), stored.Id, StringComparison.Ordinal);
        Assert.Equal(cadre.Id, stored.OwnerId);

        kit.Zalo.AddUser("zu-3202", "An");
        await kit.SayAsync("zu-3202", code); // the code alone is taken as /lienket <code>
        Assert.Equal(cadre.Id, kit.PersonOf("zu-3202"));

        kit.Zalo.AddUser("zu-3203", "Khác");
        var reused = await kit.SayAsync("zu-3203", "/lienket " + code);
        Assert.Contains(reused, m => m.Text.Contains("không đúng, đã dùng hoặc đã hết hạn", StringComparison.Ordinal));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3203")));

        var other = await kit.Bot.RegisterAsync(3204);
        var late = await kit.CodeFromTelegramAsync(3204);
        kit.Bot.Clock.Advance(LinkCodes.Lifetime + TimeSpan.FromSeconds(1));
        var expired = await kit.SayAsync("zu-3203", "/lienket " + late);
        Assert.Contains(expired, m => m.Text.Contains("không đúng, đã dùng hoặc đã hết hạn", StringComparison.Ordinal));
        Assert.Equal([ChannelAddress.ForTelegram(3204)], kit.Bot.Get<IPersonDirectory>().AddressesOf(other.Id));
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_code_is_refused_until_the_window_ends()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.Bot.RegisterAsync(3205);
        var code = await kit.CodeFromTelegramAsync(3205);
        var wrong = code == "0000 0000" ? "1111 1111" : "0000 0000";
        kit.Zalo.AddUser("zu-3205", "Cường");
        for (var i = 0; i < LinkCodes.MaxWrongTries; i++)
        {
            await kit.SayAsync("zu-3205", "/lienket " + wrong);
        }

        var locked = await kit.SayAsync("zu-3205", "/lienket " + code);

        Assert.Contains(locked, m => m.Text.Contains("nhập sai mã liên kết nhiều lần", StringComparison.Ordinal));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3205")));
        var badFormat = await kit.SayAsync("zu-3205", "/lienket 12ab");
        Assert.Contains(badFormat, m => m.Text.Contains("gồm 8 chữ số", StringComparison.Ordinal));
        Assert.Single(kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));
    }

    [Fact]
    public async Task A_Zalo_account_registered_on_its_own_is_not_merged_and_keeps_its_acknowledgement()
    {
        await using var kit = await ZaloKit.StartAsync();
        var onTelegram = await kit.Bot.RegisterAsync(3206);
        var onZalo = await kit.RegisterAsync("zu-3206");
        var row = LessonRow(kit.Bot, onZalo, Lesson1);
        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);
        await kit.ChooseAsync("zu-3206", AckLabel);
        var code = await kit.CodeFromTelegramAsync(3206);

        var refused = await kit.SayAsync("zu-3206", "/lienket " + code);

        Assert.Contains(refused, m => m.Text.Contains("đã đăng ký riêng", StringComparison.Ordinal));
        Assert.Equal(onZalo.Id, kit.PersonOf("zu-3206"));
        Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(onZalo.Id));
        Assert.True(kit.Bot.Get<ISubscribers>().Find(onZalo.Id)!.IsRegistered);
        Assert.Equal([ChannelAddress.ForTelegram(3206)], kit.Bot.Get<IPersonDirectory>().AddressesOf(onTelegram.Id));
    }

    [Fact]
    public async Task An_unfinished_registration_on_Zalo_is_replaced_by_the_link_and_counted_nowhere()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.Bot.RegisterAsync(3207);
        kit.Zalo.AddUser("zu-3207", "Dũng");
        await kit.SayAsync("zu-3207", "/start");
        await kit.ChooseAsync("zu-3207", "Đồng ý"); // consented: a stub with its own person id, registration not finished
        var stub = kit.PersonOf("zu-3207");
        Assert.NotEqual(cadre.Id, stub);
        var code = await kit.CodeFromTelegramAsync(3207);

        var linked = await kit.SayAsync("zu-3207", "/lienket " + code);

        Assert.Contains(linked, m => m.Text.Contains("Đã liên kết", StringComparison.Ordinal));
        Assert.Equal(cadre.Id, kit.PersonOf("zu-3207"));
        Assert.Null(kit.Bot.Get<ISubscribers>().Find(stub));
        Assert.Equal(1, kit.Bot.Get<ReportService>().Unit("SNV-VP")!.Registered);
    }

    [Fact]
    public async Task Erasure_on_either_channel_forgets_both_addresses()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.Bot.RegisterAsync(3208);
        var code = await kit.CodeFromTelegramAsync(3208);
        kit.Zalo.AddUser("zu-3208", "Giang");
        await kit.SayAsync("zu-3208", "/lienket " + code);
        Assert.Equal(2, kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id).Count);

        await kit.SayAsync("zu-3208", "/xoa");
        await kit.ChooseAsync("zu-3208", "Xóa");

        Assert.Null(kit.Bot.Get<ISubscribers>().Find(cadre.Id));
        Assert.Empty(kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3208")));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(3208)));
    }

    [Fact]
    public async Task Link_without_a_code_before_registering_explains_how_and_stores_nothing()
    {
        await using var kit = await ZaloKit.StartAsync();
        kit.Zalo.AddUser("zu-3209", "Hà");

        var how = await kit.SayAsync("zu-3209", "/link");

        Assert.Contains(how, m => m.Text.Contains("gõ /lienket để lấy mã", StringComparison.Ordinal));
        Assert.Null(kit.Bot.Get<IPersonDirectory>().Find(new ChannelAddress("zalo", "zu-3209")));
    }

    [Fact]
    public async Task A_linked_person_counts_once_in_the_unit_and_once_under_both_channels_in_the_report_API_and_exports()
    {
        await using var kit = await ZaloKit.StartAsync(extra: new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = "3210" });
        var linked = await kit.Bot.RegisterAsync(3210, "Lê Văn Linh");
        await kit.Bot.RegisterAsync(3211);
        await kit.RegisterAsync("zu-3212");
        var code = await kit.CodeFromTelegramAsync(3210);
        kit.Zalo.AddUser("zu-3210", "Linh");
        await kit.SayAsync("zu-3210", "/lienket " + code);

        var unit = kit.Bot.Get<ReportService>().Unit("SNV-VP")!;
        Assert.Equal(3, unit.Registered);
        Assert.Equal((1, 1, 1), (unit.TelegramOnly, unit.ZaloOnly, unit.BothChannels));
        Assert.Equal(ChannelUse.Both, kit.Bot.Get<ISubscribers>().Find(linked.Id)!.Channels);

        var row = Assert.Single(kit.Bot.Get<ReportExports>().UnitRows(["SNV-VP"]));
        Assert.Equal((3, 1, 1, 1), (row.Registered, row.TelegramOnly, row.ZaloOnly, row.BothChannels));
        var csv = System.Text.Encoding.UTF8.GetString(ReportExports.Write([row], ExportFormat.Csv));
        Assert.Contains("BothChannels", csv, StringComparison.Ordinal);

        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(
            kit.Bot.Get<ReportExports>().Thematic("SNV-VP", new DateOnly(2026, 1, 1), DateOnly.FromDateTime(kit.Bot.Clock.GetUtcNow().UtcDateTime), [])), false);
        Assert.Contains("chỉ Telegram 1, chỉ Zalo 1, cả hai 1", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        // The chat report, asked on Zalo by the same (linked) bloc admin.
        var report = await kit.SayAsync("zu-3210", "/baocao SNV-VP");
        Assert.Contains(report, m => m.Text.Contains("chỉ Telegram 1 · chỉ Zalo 1 · cả hai 1", StringComparison.Ordinal));

        // Erasure takes the person out of every channel count at once.
        await kit.Bot.Get<PersonalDataService>().EraseAsync(linked.Id);
        var after = kit.Bot.Get<ReportService>().Unit("SNV-VP")!;
        Assert.Equal((2, 1, 1, 0), (after.Registered, after.TelegramOnly, after.ZaloOnly, after.BothChannels));
    }
}
