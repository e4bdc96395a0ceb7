using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Zalo;

/// <summary>The cadre's journeys on the Zalo path: real host, real HTTP to the emulator's Zalo dialect, typed replies for buttons.</summary>
public sealed class ZaloJourneyTests
{
    [Fact]
    public async Task A_cadre_registers_on_Zalo_by_typed_replies_and_gets_an_allocated_person_id()
    {
        await using var kit = await ZaloKit.StartAsync();

        var cadre = await kit.RegisterAsync("zu-2001", "Lê Thị Hoa", "SNV-VP");

        Assert.True(cadre.IsRegistered);
        Assert.Equal("Lê Thị Hoa", cadre.FullName);
        Assert.Equal("SNV-VP", cadre.UnitCode);
        Assert.True(cadre.Id >= PersonIds.FirstAllocated && !PersonIds.IsProvisional(cadre.Id));
        Assert.Equal([new ChannelAddress("zalo", "zu-2001")], kit.Bot.Get<IPersonDirectory>().AddressesOf(cadre.Id));
        // Nothing went to Telegram: the cadre has no Telegram address.
        Assert.DoesNotContain(kit.Emulator.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_lesson_reaches_Zalo_as_text_with_a_numbered_reply_and_typing_mot_acknowledges_it_once()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2002");

        var row = LessonRow(kit.Bot, cadre, Lesson1);
        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);

        Assert.Equal("zalo", kit.Bot.Get<DeliveryLedger>().Find(row.Id)!.Channel);
        var lesson = kit.Zalo.Transcript("zu-2002").Last(m => m.FromBot);
        Assert.DoesNotContain("<b>", lesson.Text, StringComparison.Ordinal);
        Assert.Equal(1, ZaloKit.NumberOf(lesson, AckLabel));

        await kit.SayAsync("zu-2002", "mot");
        var ack = Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Equal(row.Id, ack.DeliveryId);

        // The same reply again (a double send, "1." this time) is the same press: nothing more is recorded.
        await kit.SayAsync("zu-2002", "1.");
        Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
    }

    [Fact]
    public async Task A_quiz_on_Zalo_is_answered_by_number_and_a_wrong_number_free_text_or_repeat_changes_nothing()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2003");
        var campaign = kit.Bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), QuizMode: "poll"), Actor.Console("test"));
        var row = kit.Bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);
        await kit.ChooseAsync("zu-2003", AckLabel);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<IQuizAnswers>().FindSent(row.Id, "q1") is not null, BotHarness.Wait);
        var answers = kit.Bot.Get<IQuizAnswers>();

        // q1 goes as numbered options 1–4 (Zalo has no polls); q2, asked with buttons, is numbered on from 5 while q1 waits.
        var pollSent = answers.FindSent(row.Id, "q1")!;
        Assert.StartsWith("zq_", pollSent.PollId, StringComparison.Ordinal);
        var question = kit.Bot.Get<Directive920Bot.Content.ContentService>().Current.Find(Lesson1)!.For("vi").Quiz.Single(q => q.Id == "q1");
        var order = QuizService.OrderFor(cadre.Id, Lesson1, question);
        var position = OptionOrder.PositionOf(order, 2) + 1;

        var wrong = await kit.SayAsync("zu-2003", "42");
        Assert.Contains(wrong, m => m.Text.Contains("không có trong các lựa chọn", StringComparison.Ordinal));
        Assert.DoesNotContain(answers.ForSubscriber(cadre.Id), a => a.QuestionId == "q1");

        var freeText = await kit.SayAsync("zu-2003", "tôi chưa rõ");
        Assert.Contains(freeText, m => m.Text.Contains("Câu hỏi đang chờ", StringComparison.Ordinal));
        Assert.DoesNotContain(answers.ForSubscriber(cadre.Id), a => a.QuestionId == "q1");

        var verdict = await kit.SayAsync("zu-2003", position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(verdict, m => m.Text.Contains("Chưa đúng", StringComparison.Ordinal));
        var answer = Assert.Single(answers.ForSubscriber(cadre.Id), a => a.QuestionId == "q1");
        Assert.Equal([2], answer.Selected);
        Assert.Equal("poll", answer.Mode);

        var again = await kit.SayAsync("zu-2003", position == 1 ? "một" : position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        Assert.Contains(again, m => m.Text.Contains("đã trả lời câu hỏi này", StringComparison.Ordinal));
        Assert.Equal([2], Assert.Single(answers.ForSubscriber(cadre.Id), a => a.QuestionId == "q1").Selected);
    }

    [Fact]
    public async Task A_reminder_reaches_a_Zalo_cadre_and_its_typed_reply_acknowledges_the_lesson()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2004");
        var row = LessonRow(kit.Bot, cadre, Lesson1);
        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);

        kit.Bot.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(10));
        await kit.Bot.Get<ReminderService>().RunAsync(kit.Bot.Clock.GetUtcNow());
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find($"r1:{row.Id}") is { State: DeliveryState.Sent }, BotHarness.Wait);
        Assert.Equal("zalo", kit.Bot.Get<DeliveryLedger>().Find($"r1:{row.Id}")!.Channel);

        await kit.ChooseAsync("zu-2004", AckLabel);

        Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
    }

    [Fact]
    public async Task A_redelivered_Zalo_update_is_handled_once()
    {
        await using var kit = await ZaloKit.StartAsync();
        kit.Zalo.AddUser("zu-2005", "Nam");
        var before = kit.Processor.Handled;
        var id = kit.Zalo.SendText("zu-2005", "/trogiup");
        await kit.Emulator.WaitUntilAsync(() => kit.Processor.Handled > before, BotHarness.Wait);
        var replies = kit.Zalo.Transcript("zu-2005").Count(m => m.FromBot);

        kit.Zalo.Redeliver(id);
        // A later message proves the redelivery was read (updates of one person are taken in order).
        await kit.SayAsync("zu-2005", "/trogiup");

        Assert.Equal(2 * replies, kit.Zalo.Transcript("zu-2005").Count(m => m.FromBot));
        Assert.Equal(before + 2, kit.Processor.Handled);
    }

    [Fact]
    public async Task A_long_lesson_is_split_into_parts_that_Zalo_accepts()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2006");
        var before = kit.Zalo.Transcript("zu-2006").Count;
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"<b>Đoạn {i}.</b> " + string.Join(' ', Enumerable.Repeat("Nghị quyết đi vào cuộc sống.", 14)));

        var sent = await kit.Bot.Get<IChannelSender>().ReplyAsync(cadre.Id, new OutboundMessage(string.Join("\n\n", paragraphs)), CancellationToken.None);

        Assert.True(sent.Ok, sent.Description);
        Assert.Equal("zalo", sent.Channel);
        var parts = kit.Zalo.Transcript("zu-2006").Skip(before).Where(m => m.FromBot).ToList();
        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 2000));
        Assert.All(parts, p => Assert.StartsWith("Đoạn ", p.Text, StringComparison.Ordinal)); // cut at paragraph breaks
        Assert.Equal(12, parts.Sum(p => p.Text.Split("Đoạn ").Length - 1));
    }

    [Fact]
    public async Task A_message_in_a_Zalo_group_is_ignored()
    {
        await using var kit = await ZaloKit.StartAsync();
        kit.Zalo.AddUser("zu-2007", "Lan");
        kit.Zalo.SendInGroup("zu-2007", "group-1", "/start");
        await kit.SayAsync("zu-2007", "/trogiup");

        Assert.Empty(kit.Bot.Get<IInboxStore>().PendingKeyed("zalo"));
        Assert.Single(kit.Zalo.Transcript("zu-2007"), m => !m.FromBot); // only the private message is in the chat
    }

    [Fact]
    public async Task A_unit_admin_on_Zalo_gets_the_unit_report_as_text_and_it_counts_a_Zalo_acknowledgement()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2008", "Phan Văn Đức", "SNV-VP");
        kit.Bot.Get<RoleService>().Grant(Reports.ReportsTestSupport.BlocAdmin, cadre.Id, AdminRole.UnitAdmin, "SNV");
        var row = LessonRow(kit.Bot, cadre, Lesson1);
        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);
        await kit.ChooseAsync("zu-2008", AckLabel);

        var report = await kit.SayAsync("zu-2008", "/baocao");

        Assert.Contains(report, m => m.Text.Contains("Báo cáo: Sở Nội vụ", StringComparison.Ordinal));
        Assert.All(report, m => Assert.Null(m.PhotoUrl)); // no public URL for charts is configured: text only
        Assert.DoesNotContain(kit.Emulator.Calls, c => c.Method is "sendMessage" or "sendPhoto"); // nothing went to Telegram
    }

    [Fact]
    public async Task Both_channels_run_in_one_process_and_each_cadre_gets_the_lesson_on_their_own()
    {
        await using var kit = await ZaloKit.StartAsync();
        var onTelegram = await kit.Bot.RegisterAsync(2009);
        var onZalo = await kit.RegisterAsync("zu-2009");
        var rows = new[] { LessonRow(kit.Bot, onTelegram, Lesson1), LessonRow(kit.Bot, onZalo, Lesson1) };

        kit.Bot.Get<DeliveryLedger>().Enqueue(rows);
        var ledger = kit.Bot.Get<DeliveryLedger>();
        await kit.Emulator.WaitUntilAsync(() => rows.All(r => ledger.Find(r.Id) is { State: DeliveryState.Sent }), BotHarness.Wait);

        Assert.Equal("telegram", ledger.Find(rows[0].Id)!.Channel);
        Assert.Equal("zalo", ledger.Find(rows[1].Id)!.Channel);
        Assert.Contains(kit.Emulator.Transcript(2009), m => m.FromBot && m.Buttons.SelectMany(b => b).Any(b => b.Text.Contains(AckLabel, StringComparison.Ordinal)));
        Assert.Equal(1, ZaloKit.NumberOf(kit.Zalo.Transcript("zu-2009").Last(m => m.FromBot), AckLabel));
    }

    [Fact]
    public async Task A_Zalo_cadre_who_blocked_the_bot_is_recorded_blocked_like_on_Telegram()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-2010");
        kit.Zalo.Block("zu-2010");
        var row = LessonRow(kit.Bot, cadre, Lesson1);

        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: not (DeliveryState.Pending or DeliveryState.Sending) }, BotHarness.Wait);

        var sent = kit.Bot.Get<DeliveryLedger>().Find(row.Id)!;
        Assert.Equal(DeliveryState.Blocked, sent.State);
        Assert.Contains("403", sent.LastError ?? "", StringComparison.Ordinal);
    }
}
