using System.Collections.Concurrent;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Tests.Telegram;

/// <summary>A reply to a cadre retries a failing Bot API with growing pauses, honours retry_after, and gives up cleanly.</summary>
public sealed class ReplyRetryTests
{
    private const long Cadre = 2701;

    // The emulator stamps calls on arrival and the bot starts its pause after the answer came back: never shorter.
    // A few milliseconds of slack absorb the two clocks: the runtime's timers run on a coarse tick and were seen to end
    // a 500 ms pause 1.5 ms early by the wall clock the emulator stamps with. A missing pause would be short by 250 ms.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(5);

    // No per-chat spacing, so that any pause between tries is the back-off's or the 429 penalty's own.
    private static readonly Dictionary<string, string?> Unspaced = new() { ["Delivery:PerChatInterval"] = "00:00:00" };

    [Fact]
    public async Task Two_server_errors_then_success_deliver_one_reply_after_pauses_that_double()
    {
        await using var bot = await BotHarness.StartAsync(Unspaced);
        bot.User(Cadre);
        using var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = Cadre, StatusCode = 502, Description = "Bad Gateway", Count = 2 });

        var reply = await bot.SayAsync(Cadre, "/help");

        Assert.Contains("/start", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.BotMessages(Cadre));
        Assert.Equal(2, fault.Hits);
        // The emulator logs a call after answering it, so the reply can be seen a moment before its call is logged.
        await bot.Emulator.WaitUntilAsync(() => Sends(bot).Count >= 3, BotHarness.Wait);
        var sends = Sends(bot);
        Assert.Equal([502, 502, 200], sends.Select(c => c.StatusCode));
        Assert.True(sends[1].At - sends[0].At >= ReplyBackoff.Delay(1) - Slack, $"first pause {sends[1].At - sends[0].At}");
        Assert.True(sends[2].At - sends[1].At >= ReplyBackoff.Delay(2) - Slack, $"second pause {sends[2].At - sends[1].At}");
        Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)), (ReplyBackoff.Delay(1), ReplyBackoff.Delay(2), ReplyBackoff.Delay(3)));
    }

    [Fact]
    public async Task A_server_that_always_fails_gets_the_limit_of_tries_then_the_failure_is_logged_and_the_bot_carries_on()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(Unspaced, services: s => s.AddSingleton<ILoggerProvider>(logs));
        bot.User(Cadre);
        var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = Cadre, StatusCode = 500, Description = "Internal Server Error" });

        bot.Emulator.SendText(Cadre, "/help");
        await bot.Emulator.WaitUntilAsync(() => logs.Messages.Any(m => m.Contains($"Reply to {Cadre} failed: 500", StringComparison.Ordinal)), BotHarness.Wait);

        Assert.Equal(Messenger.InteractiveAttempts, fault.Hits);
        Assert.Equal(Messenger.InteractiveAttempts, Sends(bot).Count);
        Assert.Empty(bot.BotMessages(Cadre));

        fault.Dispose();
        var reply = await bot.SayAsync(Cadre, "/help");
        Assert.Contains("/start", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_429_the_reply_is_not_retried_before_retry_after_is_over()
    {
        await using var bot = await BotHarness.StartAsync(Unspaced);
        bot.User(Cadre);
        using var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = Cadre, StatusCode = 429, RetryAfter = 1, Count = 1 });

        var reply = await bot.SayAsync(Cadre, "/help");

        Assert.Contains("/start", reply.Text, StringComparison.Ordinal);
        var sends = Sends(bot);
        Assert.Equal([429, 200], sends.Select(c => c.StatusCode));
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(1) - Slack, $"sent again after {sends[1].At - sends[0].At}");
    }

    [Fact]
    public async Task A_keyboard_edit_that_meets_server_errors_is_retried_after_the_same_pauses_as_a_reply()
    {
        // The in-place unlock of "acknowledge after understanding" is the keyboard-only edit (editMessageReplyMarkup).
        await using var bot = await EngagementKit.StartAsync();
        var cadre = await bot.RegisterAsync(Cadre);
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(EngagementKit.Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), RequireQuizBeforeAck: true), Directive920Bot.Admin.Actor.Console("test"));
        var (_, lesson) = await EngagementKit.WaitSentAsync(bot, bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single().Id);
        await EngagementKit.PressAsync(bot, Cadre, lesson.MessageId, "Trả lời câu hỏi để xác nhận");
        var questions = await EngagementKit.WaitForQuestionsAsync(bot, Cadre, 2);
        await EngagementKit.PressOptionAsync(bot, Cadre, questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal)).MessageId, EngagementKit.Lesson1, "q1", 0);
        var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
        await EngagementKit.TickOptionAsync(bot, Cadre, q2.MessageId, EngagementKit.Lesson1, "q2", 0);

        using var fault = bot.Emulator.InjectFault(new FaultRule { Method = "editMessageReplyMarkup", ChatId = Cadre, StatusCode = 502, Description = "Bad Gateway", Count = 2 });
        await EngagementKit.PressAsync(bot, Cadre, q2.MessageId, "Gửi trả lời");

        Assert.Equal(2, fault.Hits);
        Assert.Contains(EngagementKit.AckLabel, bot.Current(Cadre, lesson.MessageId).Buttons.Single().Single().Text, StringComparison.Ordinal);
        var edits = bot.Emulator.Calls.Where(c => c.Method == "editMessageReplyMarkup" && c.ChatId == Cadre).OrderBy(c => c.At).ToList();
        Assert.Equal([502, 502, 200], edits.Select(c => c.StatusCode));
        Assert.True(edits[1].At - edits[0].At >= ReplyBackoff.Delay(1) - Slack, $"first pause {edits[1].At - edits[0].At}");
        Assert.True(edits[2].At - edits[1].At >= ReplyBackoff.Delay(2) - Slack, $"second pause {edits[2].At - edits[1].At}");
    }

    private static List<BotCall> Sends(BotHarness bot) =>
        bot.Emulator.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == Cadre).OrderBy(c => c.At).ToList();

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IEnumerable<string> Messages => messages;

        public ILogger CreateLogger(string categoryName) => new Logger(messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
