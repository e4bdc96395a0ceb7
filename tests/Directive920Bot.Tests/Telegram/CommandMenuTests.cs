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

    [Fact]
    public async Task Vietnamese_users_get_a_menu_of_vietnamese_command_names_that_match_what_they_do()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCommands("en").Count > 0 && bot.Emulator.GetCommands("vi").Count > 0, BotHarness.Wait);

        var vi = bot.Emulator.GetCommands("vi").Select(c => c.Command).ToList();
        var en = bot.Emulator.GetCommands("en").Select(c => c.Command).ToList();
        Assert.Equal(vi, bot.Emulator.GetCommands(null).Select(c => c.Command).ToList());
        Assert.Contains("baihoc", vi);
        Assert.Contains("tamdung", vi);
        Assert.Contains("ngungnhan", vi);
        Assert.Contains("hoi", vi);
        Assert.DoesNotContain("dung", vi); // reads as "đúng", not "stop"
        Assert.DoesNotContain("lessons", vi);
        Assert.Contains("lessons", en);
        Assert.Contains("ask", en);
        Assert.Equal(vi.Count, en.Count);
    }

    [Fact]
    public async Task The_old_command_names_still_work_for_cadres_who_learnt_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(5101);

        var reply = await bot.SayAsync(5101, "/dung");

        Assert.Contains("ngừng nhận tin", reply.Text, StringComparison.Ordinal);
    }
}
