using Directive920Bot.Channels;
using Directive920Bot.Emulator;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Telegram;

/// <summary>
/// Issue #15 item 1: one person cannot stall the bot. Correctness only — the figures (p95, callbacks within 5 s,
/// broadcast rate, zero 429) are measured by the load run in tests/Directive920Bot.Benchmarks.
/// </summary>
public sealed class AbuseAndLoadTests
{
    private const long Flooder = 3101;
    private const long Other = 3102;
    private const string Notice = "quá nhiều tin nhắn";

    [Fact]
    public async Task A_flood_from_someone_who_never_registered_is_dropped_quietly_after_one_polite_notice()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:InputBurst"] = "5",
            ["Telegram:InputPerMinute"] = "1",
        });
        bot.User(Flooder);
        bot.User(Other);

        for (var i = 0; i < 40; i++)
        {
            bot.Emulator.SendText(Flooder, "xin chào " + i);
        }

        await bot.Emulator.WaitForBotMessageAsync(Flooder, m => m.Text?.Contains(Notice, StringComparison.Ordinal) == true, BotHarness.Wait);
        var processor = bot.Get<UpdateProcessor>();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.PendingUpdateCount == 0 && processor.InFlight == 0, BotHarness.Wait);

        // Someone else is answered as usual while the flood is being dropped.
        var help = await bot.SayAsync(Other, "/help");
        Assert.Contains("/start", help.Text, StringComparison.Ordinal);

        var replies = bot.BotMessages(Flooder);
        Assert.Single(replies, m => m.Text!.Contains(Notice, StringComparison.Ordinal));
        // The burst of 5 is answered (the refill is one a minute; a slow machine may add one), then one notice, then nothing.
        Assert.InRange(replies.Count, 6, 7);
    }

    [Fact]
    public async Task A_429_for_one_chat_holds_that_chat_only_while_other_cadres_are_answered()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Delivery:PerChatInterval"] = "00:00:00" });
        bot.User(Flooder);
        bot.User(Other);
        // Telegram throttles one chat for 30 s; before the fix the whole bot waited out the penalty.
        using var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = Flooder, StatusCode = 429, RetryAfter = 30, Count = 1 });

        bot.Emulator.SendText(Flooder, "/help");
        await bot.Emulator.WaitUntilAsync(() => fault.Hits == 1, BotHarness.Wait);
        var help = await bot.SayAsync(Other, "/help");

        Assert.Contains("/start", help.Text, StringComparison.Ordinal);
        Assert.Empty(bot.BotMessages(Flooder));
        // The emulator logs a call after answering it, so the reply can be seen a moment before its call is logged.
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.Calls.Any(c => c.Method == "sendMessage" && c.ChatId == Other && c.StatusCode == 200), BotHarness.Wait);
        var otherSend = bot.Emulator.Calls.Single(c => c.Method == "sendMessage" && c.ChatId == Other && c.StatusCode == 200);
        var penalty = bot.Emulator.Calls.Single(c => c.Method == "sendMessage" && c.StatusCode == 429);
        Assert.True(otherSend.At - penalty.At < TimeSpan.FromSeconds(15), $"the other cadre waited {otherSend.At - penalty.At}");
    }

    [Fact]
    public async Task When_the_updates_in_flight_reach_the_bound_the_poller_stops_fetching_until_handlers_catch_up()
    {
        var blocker = new BlockingFreeText();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Telegram:MaxUpdatesInFlight"] = "2", ["Telegram:CallbackAnswerDeadline"] = "00:00:01" },
            services: s => s.AddSingleton<IFreeTextHandler>(blocker));
        var processor = bot.Get<UpdateProcessor>();
        foreach (var user in new[] { 3201L, 3202, 3203, 3204 })
        {
            bot.User(user);
            bot.Emulator.SendText(user, "block");
        }

        await bot.Emulator.WaitUntilAsync(() => blocker.Entered >= 2, BotHarness.Wait);
        var polls = PollCount(bot);
        // Longer than two long polls (Telegram:PollTimeoutSeconds is 1 in tests): a poller that kept fetching would have asked again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(2, processor.InFlight);
        Assert.Equal(2, blocker.Entered);
        Assert.True(PollCount(bot) <= polls + 1, $"getUpdates went on: {polls} → {PollCount(bot)}");
        Assert.True(bot.Emulator.PendingUpdateCount >= 1, "updates beyond the bound stay with Telegram");

        blocker.Release();
        await bot.Emulator.WaitUntilAsync(() => blocker.Entered == 4 && processor.InFlight == 0, BotHarness.Wait);
    }

    [Fact]
    public async Task A_button_press_stuck_behind_its_senders_earlier_messages_is_answered_at_the_deadline()
    {
        var blocker = new BlockingFreeText();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Telegram:CallbackAnswerDeadline"] = "00:00:01" },
            services: s => s.AddSingleton<IFreeTextHandler>(blocker));
        var cadre = 3301L;
        bot.User(cadre);
        var consent = await bot.SayAsync(cadre, "/start");
        var data = consent.Buttons.SelectMany(r => r).First(b => b.CallbackData is not null).CallbackData!;

        bot.Emulator.SendText(cadre, "block");
        await bot.Emulator.WaitUntilAsync(() => blocker.Entered == 1, BotHarness.Wait);
        var press = bot.Emulator.PressButton(cadre, consent.MessageId, data);

        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(press)?.Answered == true, TimeSpan.FromSeconds(5));
        Assert.Equal(1, bot.Get<CallbackAnswers>().AnsweredByDeadline);

        blocker.Release();
        await bot.Emulator.WaitUntilAsync(() => bot.Get<UpdateProcessor>().InFlight == 0, BotHarness.Wait);
        // The handler's own answer came later and was skipped: the press is answered once.
        Assert.Equal(1, bot.Emulator.GetCallbackAnswer(press)!.AnswerCount);
    }

    private static int PollCount(BotHarness bot) => bot.Emulator.Calls.Count(c => c.Method == "getUpdates");

    /// <summary>A free-text handler of the test that holds its update until released ("block"), so handlers fall behind.</summary>
    private sealed class BlockingFreeText : IFreeTextHandler
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int entered;

        public int Entered => Volatile.Read(ref entered);

        public void Release() => release.TrySetResult();

        public async Task<bool> TryHandleAsync(BotContext context, InboundText message, CancellationToken ct)
        {
            if (message.Text != "block")
            {
                return false;
            }

            Interlocked.Increment(ref entered);
            await release.Task;
            return true;
        }
    }
}
