using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class RedeliveryTests
{
    [Fact]
    public async Task A_redelivered_acknowledgement_update_is_handled_once()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3301);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var pressUpdate = bot.Emulator.LastUpdateId;
        await WaitForQuestionsAsync(bot, cadre.Id, 2);
        var messagesBefore = bot.BotMessages(cadre.Id).Count;

        bot.Emulator.RedeliverUpdate(pressUpdate);
        // The same user's next update is handled after anything queued before it: its reply means the redelivery was dealt with.
        await bot.SayAsync(cadre.Id, "/tiendo");

        Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Equal(messagesBefore + 1, bot.BotMessages(cadre.Id).Count);
    }

    [Fact]
    public async Task Handling_the_same_press_again_after_a_crash_records_nothing_twice_and_sends_no_second_quiz()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3302);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        var ackKey = lesson.Buttons.SelectMany(b => b).Single().CallbackData!;
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        var q1 = questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        var answerKey = q1.Buttons.SelectMany(b => b).Single(b => b.Text == LetterFor(bot, cadre.Id, Lesson1, "q1", 0)).CallbackData!;
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 0);
        await bot.RestartAsync();

        // What the processor does with an update whose handling finished but was not confirmed before the crash.
        await RouteCallbackAsync(bot, cadre.Id, ackKey, lesson.MessageId);
        await RouteCallbackAsync(bot, cadre.Id, answerKey, q1.MessageId);

        Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Equal(2, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true));
    }
}
