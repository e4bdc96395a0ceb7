using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class AcknowledgementTests
{
    [Fact]
    public async Task Pressing_the_button_records_one_acknowledgement_and_shows_when_without_the_button()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2001);
        var (row, message) = await DeliverAsync(bot, cadre, Lesson1);
        Assert.Contains(message.Buttons.SelectMany(b => b), b => b.Text.Contains(AckLabel, StringComparison.Ordinal));

        bot.Clock.Advance(TimeSpan.FromMinutes(15));
        var answer = await PressAsync(bot, cadre.Id, message.MessageId, AckLabel);

        var acks = bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id);
        var ack = Assert.Single(acks);
        Assert.Equal(Lesson1, ack.ItemId);
        Assert.Equal(row.ContentHash, ack.ContentHash);
        Assert.Equal(row.Id, ack.DeliveryId);
        Assert.Equal("telegram", ack.Channel);
        Assert.Equal("SNV-VP", ack.UnitCode);
        Assert.True(ack.OnTime);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime, ack.AcknowledgedAt);
        Assert.Equal($"{cadre.Id}:{Lesson1}:{row.ContentHash}", ack.Id);
        Assert.Contains("Cảm ơn", answer, StringComparison.Ordinal);

        var edited = bot.Current(cadre.Id, message.MessageId);
        Assert.Contains("✅ Đã xác nhận lúc 08:15 ngày 01/12/2026", edited.Text, StringComparison.Ordinal);
        Assert.Empty(edited.Buttons);
        Assert.StartsWith(message.Text![..40], edited.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_quick_presses_record_it_once_and_the_second_is_told_it_was_already_done()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2002);
        var (_, message) = await DeliverAsync(bot, cadre, Lesson1);
        var data = message.Buttons.SelectMany(b => b).Single(b => b.Text.Contains(AckLabel, StringComparison.Ordinal)).CallbackData!;

        // Both presses are queued before the bot handles the first, as a double tap on a slow network does.
        var first = bot.Emulator.PressButton(cadre.Id, message.MessageId, data);
        var second = bot.Emulator.PressButton(cadre.Id, message.MessageId, data);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(first)?.Answered == true && bot.Emulator.GetCallbackAnswer(second)?.Answered == true, Infrastructure.BotHarness.Wait);

        Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Contains("đã xác nhận nội dung này", bot.Emulator.GetCallbackAnswer(second)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_tap_edits_the_message_once_and_the_second_press_is_answered_without_an_edit()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2005);
        var (_, message) = await DeliverAsync(bot, cadre, Lesson1);
        var data = message.Buttons.SelectMany(b => b).Single(b => b.Text.Contains(AckLabel, StringComparison.Ordinal)).CallbackData!;
        var editsBefore = Edits(bot, cadre.Id).Count;

        // Both presses carry the message as it was before either was handled, so the second re-renders the same text;
        // Telegram refuses such an edit with 400 "message is not modified".
        var first = bot.Emulator.PressButton(cadre.Id, message.MessageId, data);
        var second = bot.Emulator.PressButton(cadre.Id, message.MessageId, data);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(first)?.Answered == true && bot.Emulator.GetCallbackAnswer(second)?.Answered == true, Infrastructure.BotHarness.Wait);

        Assert.Equal([200], Edits(bot, cadre.Id).Skip(editsBefore).Select(c => c.StatusCode));
        Assert.Contains("Cảm ơn", bot.Emulator.GetCallbackAnswer(first)!.Text, StringComparison.Ordinal);
        Assert.Contains("đã xác nhận nội dung này", bot.Emulator.GetCallbackAnswer(second)!.Text, StringComparison.Ordinal);
        var edited = bot.Current(cadre.Id, message.MessageId);
        Assert.Equal(1, edited.EditCount);
        Assert.Contains("✅ Đã xác nhận lúc", edited.Text, StringComparison.Ordinal);
        Assert.Empty(edited.Buttons);
        Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
    }

    [Fact]
    public async Task A_press_on_an_old_copy_after_a_restart_does_not_duplicate_it()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2003);
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);

        // A reminder is an old copy carrying the same button (the same opaque key).
        bot.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(10));
        await bot.Get<ReminderService>().RunAsync(bot.Clock.GetUtcNow());
        var (_, reminder) = await WaitSentAsync(bot, $"r1:{row.Id}");
        Assert.Equal(
            lesson.Buttons.SelectMany(b => b).Single().CallbackData,
            reminder.Buttons.SelectMany(b => b).Single().CallbackData);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        await bot.RestartAsync();
        var answer = await PressAsync(bot, cadre.Id, reminder.MessageId, AckLabel);

        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Contains("đã xác nhận nội dung này lúc", answer, StringComparison.Ordinal);
        Assert.Contains("✅ Đã xác nhận lúc", bot.Current(cadre.Id, reminder.MessageId).Text, StringComparison.Ordinal);
        Assert.Empty(bot.Current(cadre.Id, reminder.MessageId).Buttons);
        Assert.Equal(row.Id, ack.DeliveryId);
    }

    [Fact]
    public async Task An_announcement_without_an_item_is_acknowledged_by_its_campaign_occurrence()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2004);
        var row = new DeliveryRow
        {
            Id = $"c:meeting:1:{cadre.Id}",
            OccurrenceId = "c:meeting:1",
            CampaignId = "meeting",
            SubscriberId = cadre.Id,
            Kind = DeliveryKind.Announcement,
            Html = "Chi bộ sẽ học tập Thông báo 920-TB/TU tại buổi sinh hoạt tới.",
            RequireAck = true,
            UnitCode = cadre.UnitCode,
            DueAt = bot.Clock.GetUtcNow().UtcDateTime,
        };
        bot.Get<DeliveryLedger>().Enqueue([row]);
        var (_, message) = await WaitSentAsync(bot, row.Id);

        await PressAsync(bot, cadre.Id, message.MessageId, ReceivedLabel);

        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForSubject("c:meeting:1"));
        Assert.Null(ack.ItemId);
        Assert.Equal("-", ack.ContentHash);
    }

    private static List<Emulator.BotCall> Edits(Infrastructure.BotHarness bot, long chatId) =>
        bot.Emulator.Calls.Where(c => c.Method == "editMessageText" && c.ChatId == chatId).ToList();
}
