using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class PollTests : EmulatorTestBase
{
    private static InputPollOption[] Options(params string[] texts) => [.. texts.Select(t => new InputPollOption(t))];

    [Fact]
    public async Task Quiz_answers_reach_the_bot_only_for_non_anonymous_polls()
    {
        var named = await Bot.SendPoll(Alice, "2+2?", Options("3", "4"), isAnonymous: false, type: PollType.Quiz, correctOptionIds: [1]);
        var anonymous = await Bot.SendPoll(Alice, "Mood?", Options("good", "bad"));
        Assert.True(anonymous.Poll!.IsAnonymous);

        Emulator.AnswerPoll(Alice, anonymous.Poll.Id, 0);
        Emulator.AnswerPoll(Alice, named.Poll!.Id, 1);

        var update = Assert.Single(await DrainUpdatesAsync());
        Assert.Equal(UpdateType.PollAnswer, update.Type);
        Assert.Equal(named.Poll.Id, update.PollAnswer!.PollId);
        Assert.Equal([1], update.PollAnswer.OptionIds);
        Assert.Equal(Alice, update.PollAnswer.User!.Id);
        Assert.Equal(1, Emulator.Transcript(Alice)[1].Poll!.VoterCounts[0]);
    }

    [Fact]
    public async Task Quiz_without_correct_option_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, "Q", Options("a", "b"), type: PollType.Quiz));
        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task Poll_limits_are_enforced()
    {
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, "Q", Options("only")));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, "Q", Options([.. Enumerable.Range(0, 13).Select(i => $"o{i}")])));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, new string('q', 301), Options("a", "b")));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, "Q", Options(new string('o', 101), "b")));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPoll(Alice, "Q", Options("a", "b"), type: PollType.Quiz, correctOptionIds: [0], explanation: new string('e', 201)));
    }

    [Fact]
    public async Task Stopping_a_poll_closes_it()
    {
        var sent = await Bot.SendPoll(Alice, "Q", Options("a", "b"));
        var poll = await Bot.StopPoll(Alice, sent.Id);

        Assert.True(poll.IsClosed);
        Assert.Throws<InvalidOperationException>(() => Emulator.AnswerPoll(Alice, poll.Id, 0));
    }
}
