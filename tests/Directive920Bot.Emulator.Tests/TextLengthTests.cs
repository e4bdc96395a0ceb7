using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class TextLengthTests : EmulatorTestBase
{
    [Fact]
    public async Task Text_of_4096_characters_is_accepted()
    {
        var message = await Bot.SendMessage(Alice, new string('a', 4096));
        Assert.Equal(4096, message.Text!.Length);
    }

    [Fact]
    public async Task Text_of_4097_characters_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, new string('a', 4097)));
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task Length_is_measured_after_html_parsing()
    {
        var html = "<b>" + new string('a', 4096) + "</b>";
        var message = await Bot.SendMessage(Alice, html, ParseMode.Html);
        Assert.Equal(4096, message.Text!.Length);
    }

    [Fact]
    public async Task Empty_text_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "<b> </b>", ParseMode.Html));
        Assert.Equal("Bad Request: message text is empty", error.Message);
    }
}
