namespace Directive920Bot.Zalo;

/// <summary>
/// Configuration section <c>Zalo</c>. The channel is on when <see cref="BotToken"/> is set; Telegram and Zalo can run in
/// one process. Zalo publishes no rate limits, so pacing starts conservative (below Telegram's) and is configuration.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    /// <summary>
    /// The Bot Platform's API. Maintained clients (python-zalo-bot; the openclaw Zalo extension's api.ts, which cites
    /// bot.zaloplatforms.com/docs) use https://bot-api.zaloplatforms.com; older clients and docs say
    /// https://bot-api.zapps.me, hence configuration.
    /// </summary>
    public const string DefaultApiBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>Zalo's sendMessage limit (about 2,000 characters; the emulator enforces exactly this).</summary>
    public const int MessageLimit = 2000;

    /// <summary>
    /// The longest caption sent with sendPhoto (<c>chat_id</c>, <c>photo</c> — a URL —, <c>caption</c>). No separate
    /// caption limit is documented (the Bot Platform's method list and maintained clients name only the fields); Zalo's
    /// text with an image attachment (the OA API) is limited like a message, so the same 2,000 characters. A longer
    /// caption goes after the photo as text, split like a message.
    /// </summary>
    public const int CaptionLimit = MessageLimit;

    /// <summary>The token Zalo Bot Manager gives when the bot is created (<c>12345:abc…</c>); a secret, never logged.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public ZaloMode Mode { get; set; } = ZaloMode.Polling;

    /// <summary>Webhook mode: the public https address setWebhook registers (its path is the one the service listens on).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: the secret_token given to setWebhook, sent back in <c>X-Bot-Api-Secret-Token</c> (8–256 characters).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>getUpdates long-poll timeout (seconds): the platform holds the request this long and answers 408 when nothing came.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>The bot's sends per second over all chats. Zalo publishes none: conservative.</summary>
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary>The least time between two sends to one chat.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per person: messages handled in a burst before the input limit applies (as Telegram:InputBurst).</summary>
    public int InputBurst { get; set; } = 20;

    /// <summary>Per person: the sustained rate of input handled; more is dropped, not stored, after one notice.</summary>
    public int InputPerMinute { get; set; } = 30;

    /// <summary>At most one "too many messages" notice per person in this window.</summary>
    public TimeSpan InputNoticeWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a handled update's key is kept to recognise a redelivery.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromDays(3);

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The path the webhook listens on: WebhookUrl's.</summary>
    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "/zalo/webhook";
}
