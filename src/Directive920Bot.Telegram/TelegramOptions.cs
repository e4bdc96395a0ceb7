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

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public override string ToString() => $"Telegram {{ Mode = {Mode}, ApiBaseUrl = {ApiBaseUrl ?? "(Telegram)"}, BotToken = {(HasToken ? "(set)" : "(none)")} }}";
}
