using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class UnitListPagingTests
{
    [Fact]
    public async Task A_cadre_pages_through_the_unit_list_and_picks_a_unit_on_the_second_page()
    {
        await using var bot = await BotHarness.StartAsync();
        var units = bot.Get<IUnits>().All();
        Assert.True(units.Count > RegistrationHandler.UnitsPerPage, "the demo organisation must need two pages");
        var onSecondPage = units[RegistrationHandler.UnitsPerPage];
        bot.User(2101);

        var welcome = await bot.SayAsync(2101, "/start");
        await bot.PressAndExpectReplyAsync(2101, welcome, "Đồng ý");
        var list = await bot.SayAsync(2101, "Hoàng Văn Hải");
        Assert.Equal(RegistrationHandler.UnitsPerPage + 1, list.Buttons.Count);

        await bot.PressAsync(2101, list, "Sau");
        var secondPage = bot.Current(2101, list.MessageId);
        Assert.Contains("2/", secondPage.Text, StringComparison.Ordinal);

        var rolePrompt = await bot.PressAndExpectReplyAsync(2101, secondPage, onSecondPage.Name);
        Assert.Contains("Vai trò", rolePrompt.Text, StringComparison.Ordinal);
        Assert.Equal(onSecondPage.Code, bot.Get<ISubscribers>().Find(2101)!.Draft!.UnitCode);
    }

    [Fact]
    public async Task Typing_part_of_a_name_without_diacritics_finds_the_unit()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2102);
        var welcome = await bot.SayAsync(2102, "/start");
        await bot.PressAndExpectReplyAsync(2102, welcome, "Đồng ý");
        await bot.SayAsync(2102, "Hoàng Văn Hải");

        var matches = await bot.SayAsync(2102, "noi vu");

        var labels = matches.Buttons.SelectMany(r => r).Select(b => b.Text).ToList();
        Assert.Contains(labels, l => l.Contains("Nội vụ", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains("Tài chính", StringComparison.Ordinal));
    }
}
