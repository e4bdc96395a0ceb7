using Directive920Bot.Channels;
using Directive920Bot.Telegram;

namespace Directive920Bot.Tests.Telegram;

/// <summary>The adapter reads the Bot API's errors into the channel-neutral failures the ledger and the dispatcher act on.</summary>
public sealed class SendFailureClassificationTests
{
    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user", SendFailure.Blocked)]
    [InlineData(403, "Forbidden: user is deactivated", SendFailure.Blocked)]
    [InlineData(400, "Bad Request: chat not found", SendFailure.Blocked)]
    [InlineData(429, "Too Many Requests: retry after 3", SendFailure.RateLimited)]
    [InlineData(500, "Internal Server Error", SendFailure.Transient)]
    [InlineData(502, "Bad Gateway", SendFailure.Transient)]
    [InlineData(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same", SendFailure.NotModified)]
    [InlineData(400, "Bad Request: message is too long", SendFailure.Rejected)]
    [InlineData(400, "Bad Request: can't parse entities", SendFailure.Rejected)]
    public void A_bot_api_error_becomes_the_failure_the_sender_acts_on(int code, string description, SendFailure expected) =>
        Assert.Equal(expected, Messenger.Classify(code, description));

    [Fact]
    public void Only_transient_and_rate_limited_failures_are_tried_again()
    {
        Assert.True(new SendResult(false, Failure: SendFailure.Transient).IsTransient);
        Assert.True(new SendResult(false, Failure: SendFailure.RateLimited).IsTransient);
        Assert.False(new SendResult(false, Failure: SendFailure.Blocked).IsTransient);
        Assert.False(new SendResult(false, Failure: SendFailure.Rejected).IsTransient);
        Assert.False(new SendResult(true, MessageId: 5).IsTransient);
    }
}
