using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 7 (review): a native quiz-poll vote comes without a chat, past the router's consent gate; it must not
/// be recorded for a person whose consent is outdated until they agree again, nor for anyone who never consented.
/// </summary>
public sealed class PollVoteConsentTests
{
    private static bool VoteHeld(Emulator.ChatMessage m) => m.Text?.Contains("chưa được ghi nhận", StringComparison.Ordinal) == true;

    private static Task<BotHarness> StartAsync() =>
        Engagement.EngagementKit.StartAsync(new Dictionary<string, string?> { ["Privacy:AskAgainWhenConsentChanges"] = "true" });

    private static async Task<(DeliveryRow Row, Emulator.PollInfo Poll)> SendPollAsync(BotHarness bot, long cadreId)
    {
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadreId]), QuizMode: "poll"), Actor.Console("test"));
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);
        await PressAsync(bot, cadreId, lesson.MessageId, AckLabel);
        var poll = (await WaitForQuestionsAsync(bot, cadreId, 2)).Single(m => m.Poll is not null).Poll!;
        return (row, poll);
    }

    [Fact]
    public async Task A_poll_vote_from_a_cadre_whose_consent_is_outdated_is_not_recorded_and_the_question_comes_again_once_they_agree()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2401);
        var (row, poll) = await SendPollAsync(bot, cadre.Id);
        // The consent text changed since the cadre agreed (a new controller, period or wording).
        var stored = bot.Get<ISubscribers>().Find(cadre.Id)!;
        stored.ConsentVersion = "an-older-version";
        bot.Get<IStorage>().Write(tx => bot.Get<ISubscribers>().Save(tx, stored));

        var asked = await bot.ExpectReplyAsync(cadre.Id, () => bot.Emulator.AnswerPoll(cadre.Id, poll.Id, 0), VoteHeld);

        Assert.Contains("đã thay đổi", asked.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.NotNull(bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.HeldAt);

        var before = bot.BotMessages(cadre.Id).Select(m => m.MessageId).ToHashSet();
        await bot.PressAsync(cadre.Id, asked, "Đồng ý");
        var again = (await WaitForMessagesAsync(bot, cadre.Id, m => !before.Contains(m.MessageId) && m.Poll is not null, 1)).Single().Poll!;

        Assert.NotEqual(poll.Id, again.Id);
        Assert.Equal(bot.Get<ConsentText>().Version, bot.Get<ISubscribers>().Find(cadre.Id)!.ConsentVersion);
        bot.Emulator.AnswerPoll(cadre.Id, again.Id, again.CorrectOptionId!.Value);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id).Count == 1, BotHarness.Wait);
        var answer = Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.True(answer.Correct);
        Assert.Equal("poll", answer.Mode);
        Assert.Null(bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.HeldAt);
    }

    [Fact]
    public async Task A_poll_vote_from_someone_who_never_consented_records_nothing_and_writes_to_nobody()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2402);
        var (row, poll) = await SendPollAsync(bot, cadre.Id);
        // A forwarded poll is the same poll: a stranger can vote on it (Telegram sends the poll_answer to the bot).
        bot.User(2403);

        bot.Emulator.SendRawUpdate("poll_answer",
            $$"""{"poll_id":"{{poll.Id}}","user":{"id":2403,"is_bot":false,"first_name":"Người lạ"},"option_ids":[0]}""");
        await SettleAsync(bot);

        Assert.Empty(bot.Get<IQuizAnswers>().ForSubscriber(2403));
        Assert.Empty(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));
        Assert.Null(bot.Get<ISubscribers>().Find(2403));
        Assert.Empty(bot.BotMessages(2403));
        Assert.Null(bot.Get<IQuizAnswers>().FindSent(row.Id, "q1")!.HeldAt);
    }
}
