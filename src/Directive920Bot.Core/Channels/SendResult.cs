namespace Directive920Bot.Channels;

/// <summary>
/// The outcome of one request to the channel, as the delivery ledger records it. What a failure means is the adapter's
/// reading of its channel (<see cref="SendFailure"/>); <see cref="ErrorCode"/> and <see cref="Description"/> are the
/// channel's own words, kept for the record and the logs. <see cref="Channel"/> names the channel the adapter used
/// (<see cref="ChannelAddress.Channel"/>), which the delivery ledger records with each send.
/// </summary>
public sealed record SendResult(
    bool Ok,
    int? MessageId = null,
    SendFailure? Failure = null,
    int? ErrorCode = null,
    string? Description = null,
    TimeSpan? RetryAfter = null,
    string? PollId = null,
    string? Channel = null)
{
    public bool IsBlocked => Failure == SendFailure.Blocked;

    public bool IsRateLimited => Failure == SendFailure.RateLimited;

    public bool IsTransient => !Ok && Failure is SendFailure.Transient or SendFailure.RateLimited;

    public bool IsNotModified => Failure == SendFailure.NotModified;
}
