using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class InviteCodeRegistrationTests
{
    [Fact]
    public async Task A_deep_link_with_a_unit_invite_code_skips_the_unit_question()
    {
        await using var bot = await BotHarness.StartAsync();
        var unit = bot.Get<IUnits>().Find("STC-NS")!;
        bot.User(2001, "Lan");

        var welcome = await bot.SayAsync(2001, $"/start u_{unit.InviteCode}");
        await bot.PressAndExpectReplyAsync(2001, welcome, "Đồng ý");
        var rolePrompt = await bot.SayAsync(2001, "Lê Thị Lan");

        Assert.Contains("Vai trò", rolePrompt.Text, StringComparison.Ordinal);
        var summary = await bot.PressAndExpectReplyAsync(2001, rolePrompt, "Cán bộ");
        Assert.Contains(unit.Name, summary.Text, StringComparison.Ordinal);
        Assert.Contains("đường dẫn mời", summary.Text, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(2001, summary, "Xác nhận");

        Assert.Equal("STC-NS", bot.Get<ISubscribers>().Find(2001)!.UnitCode);
    }

    [Fact]
    public async Task An_unknown_invite_code_falls_back_to_choosing_the_unit()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2002, "Minh");

        var welcome = await bot.SayAsync(2002, "/start u_doesnotexist");
        await bot.PressAndExpectReplyAsync(2002, welcome, "Đồng ý");
        var unitPrompt = await bot.SayAsync(2002, "Phạm Văn Minh");

        Assert.Contains("đơn vị", unitPrompt.Text, StringComparison.Ordinal);
        Assert.NotEmpty(unitPrompt.Buttons);
    }
}
