namespace Directive920Bot.Telegram;

/// <summary>
/// A message as features describe it, independent of the channel: Telegram-subset HTML and rows of buttons
/// whose callback data is an opaque key from <see cref="CallbackKeyStore"/>. A Zalo channel would map the same model.
/// </summary>
public sealed record OutboundMessage(string Html, IReadOnlyList<IReadOnlyList<OutboundButton>>? Buttons = null)
{
    public static OutboundMessage Text(string html) => new(html);

    public OutboundMessage WithButtons(params IReadOnlyList<OutboundButton>[] rows) => this with { Buttons = rows };
}

public sealed record OutboundButton(string Label, string? CallbackKey = null, string? Url = null);

public sealed record OutboundFile(string FileName, byte[] Content, string? CaptionHtml = null);

/// <summary>Who is waiting for a send: a cadre's own action goes ahead of queued broadcasts.</summary>
public enum SendPriority
{
    Interactive = 0,
    Broadcast = 1,
}

/// <summary>The outcome of one Bot API request, as the delivery ledger records it.</summary>
public sealed record SendResult(bool Ok, int? MessageId = null, int? ErrorCode = null, string? Description = null, TimeSpan? RetryAfter = null, string? PollId = null)
{
    public bool IsBlocked => ErrorCode == 403 || (ErrorCode == 400 && Description?.Contains("chat not found", StringComparison.OrdinalIgnoreCase) == true);

    public bool IsRateLimited => ErrorCode == 429;

    public bool IsTransient => ErrorCode is null or >= 500 || IsRateLimited;

    public bool IsNotModified => ErrorCode == 400 && Description?.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) == true;
}
