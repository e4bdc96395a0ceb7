using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class RestartMidRegistrationTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_registration_resumes_at_the_same_step()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2501);
        var welcome = await bot.SayAsync(2501, "/start");
        await bot.PressAndExpectReplyAsync(2501, welcome, "Đồng ý");
        await bot.SayAsync(2501, "Bùi Văn Nam");

        await bot.RestartAsync();

        var matches = await bot.SayAsync(2501, "STC");
        Assert.Contains("khớp", matches.Text, StringComparison.Ordinal);
        var role = await bot.PressAndExpectReplyAsync(2501, matches, "Sở Tài chính");
        var summary = await bot.PressAndExpectReplyAsync(2501, role, "Cán bộ");
        Assert.Contains("Bùi Văn Nam", summary.Text, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(2501, summary, "Xác nhận");

        Assert.True(bot.Get<ISubscribers>().Find(2501)!.IsRegistered);
    }

    [Fact]
    public async Task An_unregistered_subscriber_is_never_counted_as_registered()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2502);
        var welcome = await bot.SayAsync(2502, "/start");
        await bot.PressAndExpectReplyAsync(2502, welcome, "Đồng ý");
        await bot.SayAsync(2502, "Bùi Văn Nam");

        Assert.DoesNotContain(bot.Get<ISubscribers>().Registered(), s => s.Id == 2502);
        Assert.Empty(bot.Get<ISubscribers>().InUnits(["STC", "SNV", "SNV-VP"]));
    }
}
