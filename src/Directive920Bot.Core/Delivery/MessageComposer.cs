using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Content;

namespace Directive920Bot.Delivery;

/// <summary>Builds the channel-neutral message of a row: its HTML (free text or the content item), decorated, then split.</summary>
public sealed class MessageComposer(ContentService content, IEnumerable<IDeliveryDecorator> decorators)
{
    public const int MaxVisibleLength = 4096;

    /// <summary>The message for a row, or null when its content item no longer exists.</summary>
    public OutboundMessage? Compose(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var html = row.Html;
        if (html is null && row.ItemId is { } itemId)
        {
            var catalog = content.Current;
            // The role snapshot decides the track, so a staff member's lessons read Bài 1, 2, 3 … without the leaders' ones.
            html = catalog.Find(itemId) is { } item
                ? row.Role is { } role ? catalog.NumberedHtml(item, row.Language, role == Registration.CadreRole.Leader) : item.For(row.Language).Html
                : null;
        }

        if (string.IsNullOrEmpty(html))
        {
            return null;
        }

        var message = new OutboundMessage(html);
        foreach (var decorator in decorators)
        {
            message = decorator.Decorate(row, message);
        }

        return message;
    }

    /// <summary>Splits at paragraph boundaries (then lines) so every part fits one Telegram message; the buttons go on the last part.</summary>
    public static IReadOnlyList<OutboundMessage> Split(OutboundMessage message, int max = MaxVisibleLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TelegramHtml.VisibleLength(message.Html) <= max)
        {
            return [message];
        }

        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in Pieces(message.Html, max))
        {
            var candidate = current.Length == 0 ? piece : current + "\n\n" + piece;
            if (current.Length > 0 && TelegramHtml.VisibleLength(candidate) > max)
            {
                chunks.Add(current.ToString());
                current.Clear().Append(piece);
            }
            else
            {
                current.Clear().Append(candidate);
            }
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks.Select((c, i) => new OutboundMessage(c, i == chunks.Count - 1 ? message.Buttons : null)).ToList();
    }

    private static IEnumerable<string> Pieces(string html, int max)
    {
        foreach (var paragraph in html.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (TelegramHtml.VisibleLength(paragraph) <= max)
            {
                yield return paragraph;
                continue;
            }

            // A paragraph longer than a message: fall back to line breaks (content paragraphs are far shorter in practice).
            var line = new StringBuilder();
            foreach (var part in paragraph.Split('\n'))
            {
                if (line.Length > 0 && TelegramHtml.VisibleLength(line + "\n" + part) > max)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length == 0 ? part : "\n" + part);
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }
    }
}
