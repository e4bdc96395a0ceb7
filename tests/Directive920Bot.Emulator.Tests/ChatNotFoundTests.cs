using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Directive920Bot.Emulator.Tests;

public sealed class ChatNotFoundTests : EmulatorTestBase
{
    [Fact]
    public async Task Sending_to_an_unknown_chat_is_chat_not_found()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(999_999, "hello?"));
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }
}
