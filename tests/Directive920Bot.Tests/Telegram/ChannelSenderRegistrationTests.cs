using Directive920Bot.Channels;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Telegram;

public sealed class ChannelSenderRegistrationTests
{
    [Fact]
    public async Task Features_send_through_the_one_Telegram_sender_the_router_uses()
    {
        await using var bot = await BotHarness.StartAsync();

        // One instance: the memory of what an edit put on a message, which spares a double tap a refused request,
        // must be the same for the features' edits and the adapter's.
        Assert.Same(bot.Get<Directive920Bot.Telegram.Messenger>(), bot.Get<IChannelSender>());
    }

    [Fact]
    public async Task A_reply_through_the_channel_interface_reaches_the_chat()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2711);

        var sent = await bot.Get<IChannelSender>().ReplyAsync(2711, new OutboundMessage("<b>Bài 1</b>"), CancellationToken.None);

        Assert.True(sent.Ok);
        Assert.Contains(bot.Emulator.Transcript(2711), m => m.MessageId == sent.MessageId);
    }
}
