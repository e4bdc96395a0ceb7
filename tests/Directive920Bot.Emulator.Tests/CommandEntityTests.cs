using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class CommandEntityTests : EmulatorTestBase
{
    [Fact]
    public async Task A_command_update_carries_a_bot_command_entity()
    {
        Emulator.SendText(Alice, "/start ref42");

        var message = Assert.Single(await DrainUpdatesAsync()).Message!;
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal(0, entity.Offset);
        Assert.Equal("/start".Length, entity.Length);
    }
}
