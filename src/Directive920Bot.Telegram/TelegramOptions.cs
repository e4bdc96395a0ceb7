namespace Directive920Bot.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>From the environment (Telegram__BotToken), user-secrets or a key-per-file folder; never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server or the emulator; empty means api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Long-poll timeout of getUpdates.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Updates handled at once; one chat's updates are always handled in order.</summary>
    public int MaxConcurrentUpdates { get; set; } = 64;

    /// <summary>Webhook mode: the public https address Telegram posts updates to; the service listens on its path.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: Telegram sends it in X-Telegram-Bot-Api-Secret-Token; at least 32 of [A-Za-z0-9_-]; never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Webhook mode: connections Telegram opens at once (1–100).</summary>
    public int WebhookMaxConnections { get; set; } = 40;

    /// <summary>
    /// Updates accepted but not yet handled, at most; when full the poller stops fetching (and a webhook would wait)
    /// until handlers catch up — back-pressure instead of an ever-growing queue.
    /// </summary>
    public int MaxUpdatesInFlight { get; set; } = 1000;

    /// <summary>Per person: messages and button presses handled in a burst before the limit applies.</summary>
    public int InputBurst { get; set; } = 20;

    /// <summary>Per person: the sustained rate of input handled; more is dropped quietly after one notice.</summary>
    public int InputPerMinute { get; set; } = 30;

    /// <summary>At most one "too many messages" notice per person in this window.</summary>
    public TimeSpan InputNoticeWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A callback query not answered by its handler within this time is answered empty (Telegram's deadline is ~10 s… 15 s).</summary>
    public TimeSpan CallbackAnswerDeadline { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Several instances on PostgreSQL: how long the inbox batches an instance stored stay its own without a renewal
    /// (it renews every third of this); a crashed instance's unhandled updates are taken over by another within about
    /// this time and a third. A stopping instance gives its batches up at once.
    /// </summary>
    public TimeSpan InboxLeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public override string ToString() => $"Telegram {{ Mode = {Mode}, ApiBaseUrl = {ApiBaseUrl ?? "(Telegram)"}, BotToken = {(HasToken ? "(set)" : "(none)")}, WebhookUrl = {WebhookUrl ?? "(none)"}, WebhookSecret = {(string.IsNullOrEmpty(WebhookSecret) ? "(none)" : "(set)")} }}";

    /// <summary>The path the webhook endpoint listens on: the path of <see cref="WebhookUrl"/>, so a proxy forwards it unchanged.</summary>
    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/telegram/webhook";
}
