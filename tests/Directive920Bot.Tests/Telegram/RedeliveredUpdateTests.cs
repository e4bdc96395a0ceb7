using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Telegram;

public sealed class RedeliveredUpdateTests
{
    [Fact]
    public async Task An_update_delivered_twice_is_handled_once()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2801);
        await bot.SayAsync(2801, "/help");
        var handled = bot.Emulator.LastUpdateId;
        var inbox = bot.Get<Directive920Bot.Telegram.UpdateInbox>();
        await bot.Emulator.WaitUntilAsync(() => inbox.Pending().Count == 0, BotHarness.Wait);
        var replies = bot.BotMessages(2801).Count;
        var handledId = bot.Emulator.Calls.Count(c => c.Method == "sendMessage");

        bot.Emulator.RedeliverUpdate(handled);
        await bot.SayAsync(2801, "/help");

        Assert.Equal(replies + 1, bot.BotMessages(2801).Count);
        Assert.Equal(handledId + 1, bot.Emulator.Calls.Count(c => c.Method == "sendMessage"));
    }
}
