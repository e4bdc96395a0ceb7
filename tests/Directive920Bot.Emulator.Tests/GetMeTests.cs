using Telegram.Bot;

namespace Directive920Bot.Emulator.Tests;

public sealed class GetMeTests : EmulatorTestBase
{
    [Fact]
    public async Task GetMe_returns_the_emulated_bot_identity()
    {
        var me = await Bot.GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(4242, me.Id);
        Assert.Equal(Emulator.BotUsername, me.Username);
        Assert.Contains(Emulator.Calls, c => c.Method == "getMe" && c.StatusCode == 200);
    }

    [Fact]
    public void Default_token_does_not_look_like_a_real_one() =>
        Assert.DoesNotMatch("^[0-9]{8,10}:[A-Za-z0-9_-]{35}$", EmulatorOptions.DefaultToken);
}
