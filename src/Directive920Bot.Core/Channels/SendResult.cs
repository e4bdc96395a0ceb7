namespace Directive920Bot.Channels;

/// <summary>
/// The outcome of one request to the channel, as the delivery ledger records it. The error codes are HTTP-like
/// (403 blocked, 429 slow down, 5xx transient), the reading of the Bot API that another channel's adapter maps its errors onto.
/// </summary>
public sealed record SendResult(bool Ok, int? MessageId = null, int? ErrorCode = null, string? Description = null, TimeSpan? RetryAfter = null, string? PollId = null)
{
    public bool IsBlocked => ErrorCode == 403 || (ErrorCode == 400 && Description?.Contains("chat not found", StringComparison.OrdinalIgnoreCase) == true);

    public bool IsRateLimited => ErrorCode == 429;

    public bool IsTransient => ErrorCode is null or >= 500 || IsRateLimited;

    public bool IsNotModified => ErrorCode == 400 && Description?.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) == true;
}
