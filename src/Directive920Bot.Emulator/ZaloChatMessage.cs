namespace Directive920Bot.Emulator;

/// <summary>
/// One message of a Zalo private chat, the bot's or the user's. For sendPhoto: <paramref name="PhotoUrl"/> as the bot
/// gave it, and what the emulator fetched from it (<paramref name="Photo"/>, <paramref name="PhotoContentType"/>), as the
/// platform fetches a photo before it delivers it.
/// </summary>
public sealed record ZaloChatMessage(string MessageId, bool FromBot, string Text, string? PhotoUrl, DateTimeOffset At,
    byte[]? Photo = null, string? PhotoContentType = null);
