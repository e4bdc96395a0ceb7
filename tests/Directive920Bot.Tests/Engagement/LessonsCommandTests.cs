using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class LessonsCommandTests
{
    [Fact]
    public async Task Lessons_lists_what_was_received_with_status_and_reopens_a_lesson_with_its_button()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3101);
        var (_, first) = await DeliverAsync(bot, cadre, Lesson1);
        await DeliverAsync(bot, cadre, Lesson2);
        await PressAsync(bot, cadre.Id, first.MessageId, AckLabel);

        var list = await bot.SayAsync(cadre.Id, "/baihoc");
        Assert.Contains("Bài 1. Thông báo 920-TB/TU ra đời từ đâu? — ✅ đã xác nhận", list.Text, StringComparison.Ordinal);
        Assert.Contains("⏳ chờ xác nhận", list.Text, StringComparison.Ordinal);
        Assert.Equal(2, list.Buttons.Count);

        var reopened = await bot.PressAndExpectReplyAsync(cadre.Id, list, "2.");
        var button = Assert.Single(reopened.Buttons.SelectMany(b => b));
        Assert.Contains(AckLabel, button.Text, StringComparison.Ordinal);
        await PressAsync(bot, cadre.Id, reopened.MessageId, AckLabel);
        Assert.Equal(2, bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id).Count);

        // An acknowledged lesson reopens without the button, showing when it was acknowledged.
        var again = await bot.PressAndExpectReplyAsync(cadre.Id, list, "1.");
        Assert.Empty(again.Buttons);
        Assert.Contains("✅ Đã xác nhận lúc", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lessons_in_english_before_anything_was_received_says_so()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(3102, "Vo Thi Em", language: "en");
        var reply = await bot.SayAsync(3102, "/lessons");
        Assert.Contains("not received any lesson", reply.Text, StringComparison.Ordinal);
    }
}
