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
        var question = bot.Get<Directive920Bot.Content.ContentService>().Current.Find(Lesson1)!.For("vi").Quiz.Single(q => q.Id == "q1");
        var order = QuizService.OrderFor(cadre.Id, Lesson1, question);
        Assert.Equal(OptionOrder.PositionOf(order, 0), poll.CorrectOptionId);
        Assert.Single(questions, m => m.Poll is null);

        bot.Emulator.AnswerPoll(cadre.Id, poll.Id, OptionOrder.PositionOf(order, 2));
        await bot.Emulator.WaitUntilAsync(() => bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id).Count == 1, Infrastructure.BotHarness.Wait);
        // A retracted and changed vote is a later answer: it changes nothing.
        bot.Emulator.AnswerPoll(cadre.Id, poll.Id);
        bot.Emulator.AnswerPoll(cadre.Id, poll.Id, OptionOrder.PositionOf(order, 0));
        await SettleAsync(bot);

        var answer = Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Equal("poll", answer.Mode);
        Assert.Equal("q1", answer.QuestionId);
        Assert.Equal([2], answer.Selected);
        Assert.False(answer.Correct);
        Assert.Equal(row.Id, answer.DeliveryId);
        Assert.Equal(poll.Id, bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.PollId);
    }

    [Fact]
    public async Task A_poll_shows_the_cadres_own_order_and_an_answer_at_a_shuffled_position_is_recorded_as_the_authored_option()
    {
        await using var bot = await StartAsync();
        var question = bot.Get<Directive920Bot.Content.ContentService>().Current.Find(Lesson1)!.For("vi").Quiz.Single(q => q.Id == "q1");
        // A cadre whose order moves the right answer (authored first) away from the first position, so a mix-up of
        // positions and authored indexes cannot pass unseen.
        var cadreId = Enumerable.Range(2310, 50).First(id => QuizService.OrderFor(id, Lesson1, question) is var o && o[0] != 0 && o[1] != 1);
        var cadre = await bot.RegisterAsync(cadreId);
        var order = QuizService.OrderFor(cadre.Id, Lesson1, question);
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), QuizMode: "poll"), Actor.Console("test"));
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var poll = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Poll is not null).Poll!;

        // The poll carries the options in the cadre's order, and correct_option_id points at the right one there.
        Assert.Equal(order.Select(a => question.Options[a]), poll.Options);
        Assert.Equal(question.Options[0], poll.Options[poll.CorrectOptionId!.Value]);
        Assert.Equal([.. order], bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.Shown);

        // The cadre taps the right answer where they see it: the store holds the authored option and a right answer.
        bot.Emulator.AnswerPoll(cadre.Id, poll.Id, poll.CorrectOptionId!.Value);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id).Count == 1, Infrastructure.BotHarness.Wait);
        var answer = Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Equal([0], answer.Selected);
        Assert.True(answer.Correct);
        Assert.Equal([.. order], answer.Shown);
    }
}
