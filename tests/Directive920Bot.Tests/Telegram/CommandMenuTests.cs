using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Telegram;

public sealed class CommandMenuTests
{
    [Fact]
    public async Task The_command_menu_is_published_in_vietnamese_and_english_without_admin_commands()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCommands("en").Count > 0, BotHarness.Wait);

        var vietnamese = bot.Emulator.GetCommands(null);
        var english = bot.Emulator.GetCommands("en");
        Assert.Contains(vietnamese, c => c.Command == "start" && c.Description == "Bắt đầu, đăng ký");
        Assert.Contains(english, c => c.Command == "start" && c.Description == "Start, register");
        Assert.DoesNotContain(vietnamese, c => c.Command is "grant" or "revoke" or "broadcast");
    }
}
