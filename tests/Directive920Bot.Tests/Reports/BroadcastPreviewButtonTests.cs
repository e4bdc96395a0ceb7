using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;
using Quartz;
using static Directive920Bot.Tests.Reports.BroadcastKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>A lesson's preview shows the acknowledgement button cadres will get, but the button is inert and its key expires.</summary>
public sealed class BroadcastPreviewButtonTests
{
    private const string PreviewAnswer = "Đây là bản xem trước — nút này chỉ hoạt động trong tin gửi thật.";

    [Fact]
    public async Task Pressing_the_acknowledgement_button_of_a_preview_records_nothing_and_says_it_is_a_preview()
    {
        BotHarness.StayOnLiteDb("the issued callback keys are listed from the LiteDB collection (the store interface lists none)");
        await using var bot = await BroadcastKit.StartAsync();
        var ackKeysBefore = Keys(bot).Count(k => k.Action == AcknowledgementService.AckAction);

        var preview = await PreviewLessonAsync(bot);
        var button = Assert.Single(preview.Buttons.SelectMany(r => r));
        Assert.Contains(Engagement.EngagementKit.AckLabel, button.Text, StringComparison.Ordinal);
        var key = Assert.Single(Keys(bot), k => k.Id == button.CallbackData);
        Assert.Equal((BlocAdmin, BroadcastHandler.PreviewAction), (key.OwnerId, key.Action));
        Assert.NotNull(key.ExpiresAt);
        Assert.Equal(ackKeysBefore, Keys(bot).Count(k => k.Action == AcknowledgementService.AckAction));

        var rowsBefore = bot.Get<DeliveryLedger>().ForSubscriber(BlocAdmin).Count;
        var pressed = await bot.PressAsync(BlocAdmin, preview, Engagement.EngagementKit.AckLabel);

        var answer = bot.Emulator.GetCallbackAnswer(pressed)!;
        Assert.Equal(PreviewAnswer, answer.Text);
        Assert.Equal(0, bot.Get<IAcknowledgements>().Count());
        Assert.Equal(rowsBefore, bot.Get<DeliveryLedger>().ForSubscriber(BlocAdmin).Count);
        Assert.Empty(bot.Get<Directive920Bot.Reports.ReportCounters>().AllItems());
    }

    [Fact]
    public async Task Previews_share_one_expiring_key_that_the_clean_up_removes_once_expired()
    {
        BotHarness.StayOnLiteDb("the issued callback keys are listed from the LiteDB collection (the store interface lists none)");
        await using var bot = await BroadcastKit.StartAsync();
        var first = await PreviewLessonAsync(bot);
        var second = await PreviewLessonAsync(bot);
        var keyId = Assert.Single(first.Buttons.SelectMany(r => r)).CallbackData;
        Assert.Equal(keyId, Assert.Single(second.Buttons.SelectMany(r => r)).CallbackData);
        Assert.Single(Keys(bot), k => k.Action == BroadcastHandler.PreviewAction);
        var lasting = bot.Get<CallbackKeyStore>().Issue(BlocAdmin, "test.lasting", "x");

        var store = bot.Get<CallbackKeyStore>();
        Assert.Equal(0, store.PurgeExpired());
        bot.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var purged = store.PurgeExpired();

        Assert.True(purged >= 1);
        Assert.DoesNotContain(Keys(bot), k => k.Id == keyId);
        Assert.Contains(Keys(bot), k => k.Id == lasting);
        Assert.All(Keys(bot), k => Assert.True(k.ExpiresAt is null || k.ExpiresAt > bot.Clock.GetUtcNow().UtcDateTime));
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(new JobKey(CallbackKeyCleanupJob.Name), CancellationToken.None));
    }

    /// <summary>/broadcast → lesson 2 → the whole bloc → all roles → now; returns the preview message with the buttons.</summary>
    private static async Task<Directive920Bot.Emulator.ChatMessage> PreviewLessonAsync(BotHarness bot)
    {
        var lesson = bot.Get<ContentService>().Current.Find(Engagement.EngagementKit.Lesson2)!;
        var menu = await bot.SayAsync(BlocAdmin, "/guithongbao");
        var audience = await bot.PressAndExpectReplyAsync(BlocAdmin, menu, lesson.For("vi").Title);
        var roles = await bot.PressAndExpectReplyAsync(BlocAdmin, audience, "Toàn Khối");
        var time = await bot.PressAndExpectReplyAsync(BlocAdmin, roles, "Tất cả");
        var summary = await bot.PressAndExpectReplyAsync(BlocAdmin, time, "Gửi ngay", IsSummary);
        return PreviewOf(bot, summary).Preview.Last(m => m.Buttons.Count > 0);
    }

    private static List<CallbackKey> Keys(BotHarness bot) =>
        bot.Get<Database>().Collection<CallbackKey>(Directive920Bot.Storage.LiteDb.Channels.LiteDbCallbackKeyRecords.CollectionName).FindAll().ToList();
}
