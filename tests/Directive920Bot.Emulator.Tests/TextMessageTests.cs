using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class TextMessageTests : EmulatorTestBase
{
    [Fact]
    public async Task Bot_text_lands_in_the_transcript_with_html_and_plain_text()
    {
        var sent = await Bot.SendMessage(Alice, "<b>Xin chào</b> &amp; welcome", ParseMode.Html);

        var message = await Emulator.WaitForBotMessageAsync(Alice);
        Assert.Equal(sent.Id, message.MessageId);
        Assert.Equal("<b>Xin chào</b> &amp; welcome", message.Html);
        Assert.Equal("Xin chào & welcome", message.Text);
        Assert.Equal("Xin chào & welcome", sent.Text);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities!).Type);
    }

    [Fact]
    public async Task User_text_arrives_as_a_message_update_from_a_private_chat()
    {
        var id = Emulator.SendText(Alice, "xin chào");

        var update = Assert.Single(await DrainUpdatesAsync());
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal(id, update.Message!.Id);
        Assert.Equal("xin chào", update.Message.Text);
        Assert.Equal(Alice, update.Message.Chat.Id);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal("vi", update.Message.From!.LanguageCode);
    }

    [Fact]
    public async Task Waiting_for_a_bot_message_times_out_with_the_transcript()
    {
        Emulator.SendText(Alice, "anyone there?");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Emulator.WaitForBotMessageAsync(Alice, timeout: TimeSpan.FromMilliseconds(100)));
        Assert.Contains("anyone there?", error.Message, StringComparison.Ordinal);
    }
}
