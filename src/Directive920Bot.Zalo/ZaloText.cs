using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Directive920Bot.Channels;
using Directive920Bot.Localization;

namespace Directive920Bot.Zalo;

/// <summary>
/// What features write (Telegram-subset HTML and rows of buttons) as Zalo shows it: plain text (Zalo's sendMessage
/// formats no HTML), links written out, buttons as a numbered list of typed replies, and parts that fit
/// <see cref="ZaloOptions.MessageLimit"/>.
/// </summary>
public static partial class ZaloText
{
    private static readonly Loc ReplyWith = new("Trả lời {0} để chọn: {1}", "Reply {0} to choose: {1}");

    private static readonly Loc ReplyHint = new(
        "(Đồng chí gõ số tương ứng, ví dụ: 1)",
        "(Type the number, for example: 1)");

    /// <summary>The buttons that stand for a choice (a callback key), in reading order; link buttons are written out instead.</summary>
    public static IReadOnlyList<OutboundButton> Choices(IReadOnlyList<IReadOnlyList<OutboundButton>>? rows) =>
        rows is null ? [] : [.. rows.SelectMany(r => r).Where(b => b.Url is null && b.CallbackKey is not null)];

    /// <summary>The message as one text: the HTML as plain text, link buttons written out, choices numbered.</summary>
    /// <param name="first">The number of the first choice (choices still open before it keep theirs).</param>
    public static string Render(OutboundMessage message, string language, int first = 1)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(PlainText(message.Html));
        var links = message.Buttons?.SelectMany(r => r).Where(b => b.Url is not null).ToList() ?? [];
        var choices = Choices(message.Buttons);
        if (links.Count > 0 || choices.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var link in links)
        {
            text.Append('\n').Append(PlainText(link.Label)).Append(": ").Append(link.Url);
        }

        text.Append(NumberedChoices(choices.Select(c => PlainText(c.Label)).ToList(), language, first));
        return text.ToString().Trim();
    }

    /// <summary>"Trả lời 1 để chọn: …" per choice, and the hint how to answer; empty for no choices.</summary>
    public static string NumberedChoices(IReadOnlyList<string> labels, string language, int first = 1)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < labels.Count; i++)
        {
            text.Append('\n').Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReplyWith.For(language), first + i, labels[i]));
        }

        return text.Append('\n').Append(ReplyHint.For(language)).ToString();
    }

    /// <summary>Telegram-subset HTML as plain text: tags dropped, a link's address after its words, entities decoded.</summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var withLinks = LinkTag().Replace(html, m =>
            m.Groups["text"].Value == m.Groups["href"].Value ? m.Groups["href"].Value : $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        return WebUtility.HtmlDecode(AnyTag().Replace(withLinks, ""));
    }

    /// <summary>
    /// Cuts a text into parts of at most <paramref name="limit"/> characters, at a paragraph break if one falls in the
    /// second half of the part, else at a line break, else at a space, else hard: a lesson reads as it was written.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = ZaloOptions.MessageLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = Cut(window, "\n\n", limit) ?? Cut(window, "\n", limit) ?? Cut(window, " ", limit) ?? limit;
            if (char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--; // never split a surrogate pair
            }

            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int? Cut(string window, string separator, int limit)
    {
        var at = window.LastIndexOf(separator, StringComparison.Ordinal);
        return at >= limit / 2 ? at + separator.Length : null;
    }

    [GeneratedRegex("<a\\s+href=\"(?<href>[^\"]*)\"[^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LinkTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();
}
