using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Directive920Bot.Emulator.Tests;

public sealed class RateLimitTests : EmulatorTestBase
{
    // Frozen time: the whole burst falls into one window, so counts are exact.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _time,
        RateLimits = { Enabled = true, PerBotPerSecond = 30, GlobalRetryAfterSeconds = 3, ChatRetryAfterSeconds = 1 },
    };

    private async Task<List<ApiRequestException>> BurstAsync(int count, Func<int, long> chat)
    {
        var errors = new List<ApiRequestException>();
        for (var i = 0; i < count; i++)
        {
            try
            {
                await Bot.SendMessage(chat(i), $"m{i}");
            }
            catch (ApiRequestException error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    [Fact]
    public async Task A_burst_of_35_sends_hits_the_bot_limit_and_penalty_requests_are_counted()
    {
        Emulator.RateLimits.PerChatInterval = TimeSpan.Zero;

        var errors = await BurstAsync(35, _ => Alice);

        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Equal(429, e.ErrorCode));
        Assert.All(errors, e => Assert.Equal(3, e.Parameters!.RetryAfter));
        Assert.Equal("Too Many Requests: retry after 3", errors[0].Message);
        Assert.Equal(5, Emulator.TooManyRequestsReturned);
        Assert.Equal(4, Emulator.RequestsDuringPenalty);
        Assert.Equal(4, Emulator.Calls.Count(c => c.DuringPenalty));

        _time.Advance(TimeSpan.FromSeconds(3));
        await Bot.SendMessage(Alice, "after penalty");
    }

    [Fact]
    public async Task With_limits_off_nothing_is_limited()
    {
        Emulator.RateLimits.Enabled = false;

        var errors = await BurstAsync(60, _ => Alice);

        Assert.Empty(errors);
        Assert.Equal(0, Emulator.TooManyRequestsReturned);
    }

    [Fact]
    public async Task Second_message_to_the_same_chat_within_a_second_is_limited_per_chat()
    {
        await Bot.SendMessage(Alice, "one");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "two"));
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters!.RetryAfter);
        await Bot.SendMessage(Bob, "other chats are unaffected");
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "three"));
        Assert.Equal(1, Emulator.RequestsDuringPenalty);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Bot.SendMessage(Alice, "four");
    }

    [Fact]
    public async Task Edits_and_callback_answers_are_not_limited_per_chat()
    {
        var sent = await Bot.SendMessage(Alice, "v0");
        for (var i = 1; i <= 3; i++)
        {
            await Bot.EditMessageText(Alice, sent.Id, $"v{i}");
        }

        Assert.Equal(0, Emulator.TooManyRequestsReturned);
    }

    [Fact]
    public async Task Paid_broadcast_sends_go_past_the_free_limit_up_to_the_paid_one_and_free_sends_keep_theirs()
    {
        Emulator.RateLimits.PerChatInterval = TimeSpan.Zero;
        Emulator.RateLimits.PaidPerBotPerSecond = 100;

        // 50 paid sends do not use up the free budget: 30 free ones still pass in the same second, the 31st does not.
        for (var i = 0; i < 50; i++)
        {
            await Bot.SendMessage(Alice, $"paid {i}", allowPaidBroadcast: true);
        }

        var errors = await BurstAsync(31, _ => Alice);
        Assert.Single(errors);
        Assert.Equal(429, errors[0].ErrorCode);

        // After the penalty, paid sends go up to the paid limit (100 in a second) and no further.
        _time.Advance(TimeSpan.FromSeconds(4));
        for (var i = 0; i < 100; i++)
        {
            await Bot.SendMessage(Alice, $"paid again {i}", allowPaidBroadcast: true);
        }

        var overPaid = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "one too many", allowPaidBroadcast: true));
        Assert.Equal(429, overPaid.ErrorCode);
        Assert.Equal(151, Emulator.PaidBroadcastSends);
    }
}
