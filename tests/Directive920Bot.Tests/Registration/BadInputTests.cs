using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("An")]
    [InlineData("Nguyễn Văn 3")]
    [InlineData("<b>Nguyễn</b> An")]
    [InlineData("Nguyễn\u0007 Văn An")]
    [InlineData("A B C D E F G H")]
    public async Task A_bad_full_name_is_refused_politely_and_the_step_repeats(string name)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2201);
        var welcome = await bot.SayAsync(2201, "/start");
        await bot.PressAndExpectReplyAsync(2201, welcome, "Đồng ý");

        var reply = await bot.SayAsync(2201, name);

        Assert.Contains("chưa hợp lệ", reply.Text, StringComparison.Ordinal);
        var stored = bot.Get<ISubscribers>().Find(2201)!;
        Assert.Equal("reg.name", stored.Conversation);
        Assert.Null(stored.Draft!.FullName);
    }

    [Fact]
    public async Task A_unit_search_that_matches_nothing_says_so_and_shows_the_list()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2202);
        var welcome = await bot.SayAsync(2202, "/start");
        await bot.PressAndExpectReplyAsync(2202, welcome, "Đồng ý");
        await bot.SayAsync(2202, "Đặng Thu Hà");

        var reply = await bot.SayAsync(2202, "xyzxyz");

        Assert.Contains("Không tìm thấy", reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Buttons);
        Assert.Equal("reg.unit", bot.Get<ISubscribers>().Find(2202)!.Conversation);
    }

    [Fact]
    public async Task Typing_instead_of_choosing_a_role_asks_again_with_the_buttons()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2203);
        var welcome = await bot.SayAsync(2203, "/start");
        await bot.PressAndExpectReplyAsync(2203, welcome, "Đồng ý");
        await bot.SayAsync(2203, "Đặng Thu Hà");
        var list = await bot.SayAsync(2203, "SNV");
        await bot.PressAndExpectReplyAsync(2203, list, "Sở Nội vụ");

        var reply = await bot.SayAsync(2203, "lãnh đạo");

        Assert.Contains("chọn vai trò", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Buttons.Count);
        var stored = bot.Get<ISubscribers>().Find(2203)!;
        Assert.Equal("reg.role", stored.Conversation);
        Assert.Null(stored.Draft!.Role);
    }

    [Fact]
    public async Task Typing_at_the_confirmation_repeats_the_summary_and_registers_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2204);
        var welcome = await bot.SayAsync(2204, "/start");
        await bot.PressAndExpectReplyAsync(2204, welcome, "Đồng ý");
        await bot.SayAsync(2204, "Đặng Thu Hà");
        var list = await bot.SayAsync(2204, "SNV");
        var role = await bot.PressAndExpectReplyAsync(2204, list, "Sở Nội vụ");
        await bot.PressAndExpectReplyAsync(2204, role, "Cán bộ");

        var reply = await bot.SayAsync(2204, "ok");

        Assert.Contains("Xác nhận", reply.Text, StringComparison.Ordinal);
        Assert.False(bot.Get<ISubscribers>().Find(2204)!.IsRegistered);
    }

    [Fact]
    public async Task Text_before_starting_gets_a_pointer_to_help_and_stores_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2205);

        var reply = await bot.SayAsync(2205, "xin chào");

        Assert.Contains("/trogiup", reply.Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<ISubscribers>().Find(2205));
    }

    [Fact]
    public async Task An_admin_command_typed_by_a_cadre_gets_the_unknown_command_answer()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2206);

        var reply = await bot.SayAsync(2206, "/nosuchcommand");

        Assert.Contains("chưa hiểu lệnh", reply.Text, StringComparison.Ordinal);
    }
}
