using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;

namespace Directive920Bot.Tests.Engagement;

/// <summary>
/// Engagement scenarios over the real host: deliveries are enqueued in the real ledger (as the track or a campaign would)
/// and sent by the real dispatcher to the emulator. Pacing is off and the tick job is off, so tests drive time and
/// <see cref="ReminderService.RunAsync"/> themselves.
/// </summary>
internal static class EngagementKit
{
    public const string Lesson1 = "c1-context";
    public const string Lesson2 = "c2-shortcomings";
    public const string Lesson3 = "s1-political-will-ethics";
    public const string AckLabel = "Đã đọc và cam kết";
    /// <summary>The button on a tin thông báo (an admin's announcement): it confirms receipt, not a commitment.</summary>
    public const string ReceivedLabel = "Đã nhận thông báo";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Engagement:TickSeconds"] = "0",
            ["Delivery:PerChatInterval"] = "00:00:00",
            ["Delivery:MessagesPerSecond"] = "1000",
            ["Delivery:TrackEnabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<BotHarness> StartAsync(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null, DateTimeOffset? start = null) =>
        BotHarness.StartAsync(Settings(extra), services, start: start);

    /// <summary>Copies the repository's content to a temp folder the test may change (set it as <c>Content:Path</c>).</summary>
    public static string CopyContent()
    {
        var target = Path.Combine(Path.GetTempPath(), "d920-content", Guid.NewGuid().ToString("N"));
        var source = Path.Combine(BotHarness.RepoRoot, "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public static void Edit(string contentRoot, string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(contentRoot, relativePath);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    public static DeliveryRow LessonRow(BotHarness bot, Subscriber subscriber, string itemId, string? campaignId = null, DeliveryKind kind = DeliveryKind.Lesson)
    {
        var item = bot.Get<ContentService>().Current.Find(itemId) ?? throw new InvalidOperationException("no item " + itemId);
        var occurrence = campaignId is null ? $"t:{itemId}" : $"c:{campaignId}:1";
        return new DeliveryRow
        {
            Id = $"{occurrence}:{subscriber.Id}",
            OccurrenceId = occurrence,
            CampaignId = campaignId,
            SubscriberId = subscriber.Id,
            Kind = kind,
            ItemId = itemId,
            ContentHash = item.ContentHash,
            Language = subscriber.Language,
            RequireAck = item.RequireAck,
            UnitCode = subscriber.UnitCode,
            Role = subscriber.Role,
            DueAt = bot.Clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Enqueues the item for the subscriber and waits until the dispatcher sent it; returns the row and its message.</summary>
    public static async Task<(DeliveryRow Row, ChatMessage Message)> DeliverAsync(BotHarness bot, Subscriber subscriber, string itemId, string? campaignId = null)
    {
        var row = LessonRow(bot, subscriber, itemId, campaignId);
        bot.Get<DeliveryLedger>().Enqueue([row]);
        return await WaitSentAsync(bot, row.Id);
    }

    public static async Task<(DeliveryRow Row, ChatMessage Message)> WaitSentAsync(BotHarness bot, string rowId)
    {
        var ledger = bot.Get<DeliveryLedger>();
        await bot.Emulator.WaitUntilAsync(() => ledger.Find(rowId) is { State: DeliveryState.Sent or DeliveryState.Failed or DeliveryState.Skipped or DeliveryState.Blocked }, BotHarness.Wait);
        var sent = ledger.Find(rowId)!;
        Assert.True(sent.State == DeliveryState.Sent, $"row {rowId} ended {sent.State}: {sent.LastError}");
        return (sent, bot.Current(sent.SubscriberId, sent.MessageId!.Value));
    }

    /// <summary>Presses a button and waits until the bot has answered the press; returns the answer text.</summary>
    public static async Task<string?> PressAsync(BotHarness bot, long userId, int messageId, string label)
    {
        var id = await bot.PressAsync(userId, bot.Current(userId, messageId), label);
        return bot.Emulator.GetCallbackAnswer(id)!.Text;
    }

    /// <summary>
    /// The letter <paramref name="cadreId"/> sees for the authored option <paramref name="authored"/> (0-based, file order)
    /// of a question: options are shown in an order of the cadre's own (<see cref="OptionOrder"/>).
    /// </summary>
    public static string LetterFor(BotHarness bot, long cadreId, string itemId, string questionId, int authored)
    {
        var question = bot.Get<ContentService>().Current.Find(itemId)!.For("vi").Quiz.Single(q => q.Id == questionId);
        return QuizService.Letter(OptionOrder.PositionOf(QuizService.OrderFor(cadreId, itemId, question), authored));
    }

    /// <summary>Presses the button of an authored option (0-based) of a one-answer question, wherever the cadre sees it.</summary>
    public static Task<string?> PressOptionAsync(BotHarness bot, long cadreId, int messageId, string itemId, string questionId, int authored) =>
        PressExactAsync(bot, cadreId, messageId, LetterFor(bot, cadreId, itemId, questionId, authored));

    /// <summary>Ticks an authored option (0-based) of a several-answer question.</summary>
    public static Task<string?> TickOptionAsync(BotHarness bot, long cadreId, int messageId, string itemId, string questionId, int authored) =>
        PressExactAsync(bot, cadreId, messageId, "☐ " + LetterFor(bot, cadreId, itemId, questionId, authored));

    /// <summary>Presses the button whose label is exactly <paramref name="label"/> (option letters are one character).</summary>
    public static async Task<string?> PressExactAsync(BotHarness bot, long userId, int messageId, string label)
    {
        var button = bot.Current(userId, messageId).Buttons.SelectMany(r => r).First(b => b.Text == label);
        var id = bot.Emulator.PressButton(userId, messageId, button.CallbackData!);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(id)?.Answered == true, BotHarness.Wait);
        return bot.Emulator.GetCallbackAnswer(id)!.Text;
    }

    public static Task<IReadOnlyList<ChatMessage>> WaitForQuestionsAsync(BotHarness bot, long chatId, int count) =>
        WaitForMessagesAsync(bot, chatId, m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true && m.Buttons.Count > 0 || m.Poll is not null, count);

    public static async Task<IReadOnlyList<ChatMessage>> WaitForMessagesAsync(BotHarness bot, long chatId, Func<ChatMessage, bool> match, int count)
    {
        IReadOnlyList<ChatMessage> found = [];
        await bot.Emulator.WaitUntilAsync(() => (found = bot.BotMessages(chatId).Where(match).ToList()).Count >= count, BotHarness.Wait);
        return found;
    }

    /// <summary>Waits until nothing is left to handle, so a test can assert that something did not happen.</summary>
    public static async Task SettleAsync(BotHarness bot)
    {
        var processor = bot.Get<UpdateProcessor>();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.PendingUpdateCount == 0 && processor.InFlight == 0, BotHarness.Wait);
        // One more round trip through the same chat queue: an echo command is answered after everything queued before it.
    }

    public static string Key(BotHarness bot, long owner, string action, string payload) => bot.Get<CallbackKeyStore>().Issue(owner, action, payload);

    /// <summary>Routes a callback update straight into the real router, as a re-handled or forged update would arrive.</summary>
    public static Task RouteCallbackAsync(BotHarness bot, long fromUserId, string data, int? messageId = null)
    {
        var update = new Update
        {
            Id = 900_000 + Random.Shared.Next(100_000),
            CallbackQuery = new CallbackQuery
            {
                Id = "forged-" + Guid.NewGuid().ToString("N"),
                From = new User { Id = fromUserId, FirstName = "X", LanguageCode = "vi" },
                ChatInstance = "x",
                Data = data,
                Message = messageId is null ? null : new Message { Id = messageId.Value, Chat = new Chat { Id = fromUserId, Type = global::Telegram.Bot.Types.Enums.ChatType.Private }, Date = bot.Clock.GetUtcNow().UtcDateTime },
            },
        };
        return bot.Get<UpdateRouter>().RouteAsync(update, CancellationToken.None);
    }

    public static string LocalStamp(BotHarness bot, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT")).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
