using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Channels;

namespace Directive920Bot.Telegram;

/// <summary>
/// What this process last put on the messages it edited, so that <see cref="Messenger"/> does not send an edit that
/// would change nothing: Telegram refuses one with 400 "message is not modified", and a double tap re-renders exactly
/// the text of the first tap (both presses carry the message as it was before either was handled).
/// </summary>
/// <remarks>
/// Only the Messenger edits the bot's messages and cadres cannot edit them, so a remembered content is what the chat
/// shows. It is remembered only when it is certain: an edit of the keyboard alone forgets the message (its text is not
/// known here), and so do two edits of one message in flight at once (Telegram may apply them in either order).
/// Bounded: past <see cref="Limit"/> messages the memory starts again (a double tap is seconds apart).
/// A restart forgets everything; Messenger still takes Telegram's refusal as success.
/// </remarks>
public sealed class EditMemory
{
    public const int Limit = 10_000;

    private readonly Dictionary<(long ChatId, int MessageId), Entry> entries = [];
    private readonly Lock gate = new();

    /// <summary>A stable digest of a message's HTML and inline keyboard (kept instead of the text, which may be 4 KB).</summary>
    public static byte[] Fingerprint(string html, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html);
        foreach (var row in buttons ?? [])
        {
            text.Append('\u001e');
            foreach (var button in row)
            {
                // Separators that cannot occur in a label, a callback key or a URL keep fields from running together.
                text.Append('\u001f').Append(button.Label).Append('\u001f').Append(button.CallbackKey).Append('\u001f').Append(button.Url);
            }
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>True when the message is known to show exactly <paramref name="fingerprint"/> already.</summary>
    public bool Shows(long chatId, int messageId, byte[] fingerprint)
    {
        lock (gate)
        {
            return entries.TryGetValue((chatId, messageId), out var entry) && entry.InFlight == 0
                && entry.Content is { } content && content.AsSpan().SequenceEqual(fingerprint);
        }
    }

    /// <summary>An edit of the message starts: what it showed is no longer certain until <see cref="End"/>.</summary>
    public void Begin(long chatId, int messageId)
    {
        lock (gate)
        {
            if (!entries.TryGetValue((chatId, messageId), out var entry))
            {
                if (entries.Count >= Limit)
                {
                    // Entries of edits still in flight stay, or their End would meet a fresh entry that never saw them.
                    foreach (var idle in entries.Where(e => e.Value.InFlight == 0).Select(e => e.Key).ToList())
                    {
                        entries.Remove(idle);
                    }
                }

                entry = new Entry();
                entries[(chatId, messageId)] = entry;
            }

            entry.Content = null;
            entry.Overlapped |= entry.InFlight > 0;
            entry.InFlight++;
        }
    }

    /// <summary>The edit ended; <paramref name="shown"/> is what the message now shows, or null when that is not known.</summary>
    public void End(long chatId, int messageId, byte[]? shown)
    {
        lock (gate)
        {
            if (!entries.TryGetValue((chatId, messageId), out var entry))
            {
                return;
            }

            entry.InFlight--;
            entry.Content = entry.Overlapped ? null : shown;
            if (entry.InFlight == 0)
            {
                entry.Overlapped = false;
            }
        }
    }

    private sealed class Entry
    {
        public byte[]? Content { get; set; }

        public int InFlight { get; set; }

        /// <summary>Another edit started while one was in flight: which one Telegram applied last is not known.</summary>
        public bool Overlapped { get; set; }
    }
}
