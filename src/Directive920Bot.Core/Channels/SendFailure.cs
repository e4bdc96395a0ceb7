namespace Directive920Bot.Channels;

/// <summary>What a failed request means for the sender, as the channel's adapter reads its own error codes.</summary>
public enum SendFailure
{
    /// <summary>Worth trying again later: a server error, a network failure or a timeout.</summary>
    Transient,

    /// <summary>The channel asked to slow down (<see cref="SendResult.RetryAfter"/> says how long); tried again after the pause.</summary>
    RateLimited,

    /// <summary>The person blocked the bot or cannot be reached: never tried again until they come back.</summary>
    Blocked,

    /// <summary>An edit that would change nothing: the message already shows this.</summary>
    NotModified,

    /// <summary>The channel refused this request as it is (too long, malformed): trying it again would fail the same way.</summary>
    Rejected,
}
