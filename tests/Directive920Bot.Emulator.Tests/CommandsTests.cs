using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Directive920Bot.Emulator.Tests;

public sealed class CommandsTests : EmulatorTestBase
{
    [Fact]
    public async Task Commands_are_stored_per_language_code()
    {
        await Bot.SetMyCommands([new BotCommand("start", "Bắt đầu")], languageCode: "vi");
        await Bot.SetMyCommands([new BotCommand("start", "Start"), new BotCommand("help", "Help")]);

        Assert.Equal("Bắt đầu", Assert.Single(Emulator.GetCommands("vi")).Description);
        Assert.Equal(2, Emulator.GetCommands().Count);
        Assert.Equal(2, (await Bot.GetMyCommands()).Length);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetMyCommands([new BotCommand("Bad Command", "x")]));
    }

    [Fact]
    public async Task Chat_action_is_accepted()
    {
        await Bot.SendChatAction(Alice, Telegram.Bot.Types.Enums.ChatAction.Typing);
        Assert.Contains(Emulator.Calls, c => c.Method == "sendChatAction" && c.StatusCode == 200 && c.ChatId == Alice);
    }
}
