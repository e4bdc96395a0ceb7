using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class RegistrationDialogueTests
{
    [Fact]
    public async Task A_cadre_registers_in_vietnamese_by_searching_the_unit_list()
    {
        await using var bot = await BotHarness.StartAsync();
        var subscriber = await bot.RegisterAsync(1001, "Nguyễn Văn An", "SNV-VP");

        Assert.True(subscriber.IsRegistered);
        Assert.Equal(SubscriberStatus.Active, subscriber.Status);
        Assert.Equal("Nguyễn Văn An", subscriber.FullName);
        Assert.Equal("SNV-VP", subscriber.UnitCode);
        Assert.Equal(CadreRole.Staff, subscriber.Role);
        Assert.Equal("vi", subscriber.Language);
        Assert.Null(subscriber.Conversation);
        Assert.Contains("Đăng ký thành công", bot.BotMessages(1001)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_registers_in_english()
    {
        await using var bot = await BotHarness.StartAsync();
        var subscriber = await bot.RegisterAsync(1002, "Trần Thị Bình", "STC", leader: true, language: "en");

        Assert.Equal(CadreRole.Leader, subscriber.Role);
        Assert.Equal("en", subscriber.Language);
        Assert.Contains("You are registered", bot.BotMessages(1002)[^1].Text, StringComparison.Ordinal);
    }
}
