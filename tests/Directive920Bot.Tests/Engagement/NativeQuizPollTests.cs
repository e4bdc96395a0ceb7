using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class NativeQuizPollTests
{
    [Fact]
    public async Task A_poll_campaign_sends_quiz_polls_and_maps_poll_answers_back_to_the_cadre()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2301);
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), QuizMode: "poll"), Actor.Console("test"));
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);

        // q1 has one right answer: a native quiz poll; q2 has three, which a quiz poll cannot take: inline buttons.
        var poll = Assert.Single(questions, m => m.Poll is not null).Poll!;
        Assert.Equal("quiz", poll.Type);
        Assert.False(poll.IsAnonymous);
        Assert.Equal(0, poll.CorrectOptionId);
        Assert.Single(questions, m => m.Poll is null);

        bot.Emulator.AnswerPoll(cadre.Id, poll.Id, 2);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id).Count == 1, Infrastructure.BotHarness.Wait);
        // A retracted and changed vote is a later answer: it changes nothing.
        bot.Emulator.AnswerPoll(cadre.Id, poll.Id);
        bot.Emulator.AnswerPoll(cadre.Id, poll.Id, 0);
        await SettleAsync(bot);

        var answer = Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Equal("poll", answer.Mode);
        Assert.Equal("q1", answer.QuestionId);
        Assert.Equal([2], answer.Selected);
        Assert.False(answer.Correct);
        Assert.Equal(row.Id, answer.DeliveryId);
        Assert.Equal(poll.Id, bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.PollId);
    }
}
