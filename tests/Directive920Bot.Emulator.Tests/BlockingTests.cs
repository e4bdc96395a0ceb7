using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class BlockingTests : EmulatorTestBase
{
    [Fact]
    public async Task Blocked_user_gives_403_and_member_updates_on_block_and_unblock()
    {
        Emulator.Block(Alice);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "hi"));
        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);

        Emulator.Unblock(Alice);
        await Bot.SendMessage(Alice, "welcome back");

        var updates = await DrainUpdatesAsync();
        Assert.Equal(2, updates.Length);
        Assert.All(updates, u => Assert.Equal(UpdateType.MyChatMember, u.Type));
        Assert.Equal(ChatMemberStatus.Member, updates[0].MyChatMember!.OldChatMember.Status);
        Assert.Equal(ChatMemberStatus.Kicked, updates[0].MyChatMember!.NewChatMember.Status);
        Assert.Equal(ChatMemberStatus.Kicked, updates[1].MyChatMember!.OldChatMember.Status);
        Assert.Equal(ChatMemberStatus.Member, updates[1].MyChatMember!.NewChatMember.Status);
        Assert.Equal(Alice, updates[1].MyChatMember!.From.Id);
    }
}
