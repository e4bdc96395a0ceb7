namespace Directive920Bot.Emulator;

/// <summary>One message of a Zalo private chat, the bot's or the user's; <paramref name="PhotoUrl"/> for sendPhoto.</summary>
public sealed record ZaloChatMessage(string MessageId, bool FromBot, string Text, string? PhotoUrl, DateTimeOffset At);
