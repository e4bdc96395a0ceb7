using System.Globalization;
using System.Text.Json;

namespace Directive920Bot.Emulator;

/// <summary>
/// Hostile input for robustness tests: what a real client never produces through the buttons it was shown, but what
/// Telegram will still deliver (a modified client, an old message, an update type the bot does not know).
/// </summary>
public sealed partial class BotApiEmulator
{
    /// <summary>
    /// The user presses a button carrying <paramref name="callbackData"/> on a bot message, whether or not the message has
    /// such a button (forged, foreign or replayed data). Returns the callback query id; its answer is tracked as usual.
    /// </summary>
    public string PressForgedButton(long userId, int messageId, string callbackData)
    {
        ArgumentNullException.ThrowIfNull(callbackData);
        var chat = UserChat(userId);
        ChatMessage message;
        lock (chat.Gate)
        {
            message = chat.Find(messageId) is { FromBot: true } found
                ? found
                : throw new InvalidOperationException($"Bad Request: no bot message {messageId} in chat {userId}.");
        }

        return EnqueuePress(chat, userId, messageId, message, callbackData);
    }

    /// <summary>
    /// Queues an update whose only field besides update_id is <paramref name="type"/> with the raw JSON
    /// <paramref name="payloadJson"/> (an edited message, a sticker, an update type the bot does not know). The JSON
    /// must be well-formed; its content is not checked. Returns the update_id, or null when allowed_updates excludes it.
    /// </summary>
    public int? SendRawUpdate(string type, string payloadJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        using (JsonDocument.Parse(payloadJson))
        {
            // Only a parse check: a malformed update would break getUpdates for every update after it.
        }

        return _updates.Enqueue(type, (type, payloadJson), static (updateId, s) => Wire.ToBytes((updateId, s), static (w, t) =>
        {
            w.WriteStartObject();
            w.WriteNumber("update_id", t.updateId);
            w.WritePropertyName(t.s.type);
            w.WriteRawValue(t.s.payloadJson);
            w.WriteEndObject();
        }));
    }

    /// <summary>A message id of the user's chat for raw updates; it does not appear in the transcript.</summary>
    public int NextRawMessageId(long userId)
    {
        var chat = UserChat(userId);
        lock (chat.Gate)
        {
            return chat.NextMessageId++;
        }
    }
}
