using System.Globalization;
using System.Text;

namespace Directive920Bot.Emulator;

/// <summary>Strict parser for Telegram's HTML subset; produces plain text plus UTF-16 entities.</summary>
internal static class TelegramHtml
{
    private sealed record OpenTag(string Name, int Start, string? Type, string? Url, string? Language, string? EmojiId);

    public static (string Text, List<MessageEntityInfo> Entities) Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<MessageEntityInfo>();
        var stack = new List<OpenTag>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = html.AsSpan(i).StartsWith("</") ? ParseEndTag(html, i, text, stack, entities) : ParseStartTag(html, i, text, stack);
            }
            else if (c == '&')
            {
                i = ParseEntity(html, i, text);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        if (stack.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{stack[^1].Name}\"");
        }

        entities.Sort(static (a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return (text.ToString(), entities);
    }

    private static ApiException Error(string detail) => ApiException.BadRequest("can't parse entities: " + detail);

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static int ParseEndTag(string html, int start, StringBuilder text, List<OpenTag> stack, List<MessageEntityInfo> entities)
    {
        var close = html.IndexOf('>', start);
        if (close < 0)
        {
            throw Error($"Unclosed end tag at byte offset {ByteOffset(html, start)}");
        }

        var name = html[(start + 2)..close].Trim().ToLowerInvariant();
        if (stack.Count == 0)
        {
            throw Error($"Unexpected end tag at byte offset {ByteOffset(html, start)}");
        }

        var open = stack[^1];
        if (open.Name != name)
        {
            throw Error($"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{open.Name}>\", found \"</{name}>\"");
        }

        stack.RemoveAt(stack.Count - 1);
        var length = text.Length - open.Start;
        if (open.Type is not null && length > 0)
        {
            // A <code class="language-x"> directly inside <pre> only sets the pre's language.
            var parent = stack.Count > 0 ? stack[^1] : null;
            if (open.Name == "code" && parent is { Name: "pre" } && open.Language is not null)
            {
                stack[^1] = parent with { Language = open.Language };
            }
            else
            {
                entities.Add(new MessageEntityInfo(open.Type, open.Start, length, open.Url, open.Name == "pre" ? open.Language : null, open.EmojiId));
            }
        }

        return close + 1;
    }

    private static int ParseStartTag(string html, int start, StringBuilder text, List<OpenTag> stack)
    {
        var i = start + 1;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }

        var name = html[(start + 1)..i].ToLowerInvariant();
        var type = name switch
        {
            "b" or "strong" => "bold",
            "i" or "em" => "italic",
            "u" or "ins" => "underline",
            "s" or "strike" or "del" => "strikethrough",
            "span" or "tg-spoiler" => "spoiler",
            "a" => "text_link",
            "code" => "code",
            "pre" => "pre",
            "blockquote" => "blockquote",
            "tg-emoji" => "custom_emoji",
            _ => throw Error($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, start)}"),
        };

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
            }

            if (html[i] == '>')
            {
                i++;
                break;
            }

            var attrStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_'))
            {
                i++;
            }

            if (i == attrStart)
            {
                throw Error($"Empty attribute name in the tag \"{name}\" at byte offset {ByteOffset(html, start)}");
            }

            var attrName = html[attrStart..i].ToLowerInvariant();
            var value = string.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                if (i >= html.Length)
                {
                    throw Error($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
                }

                if (html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = html.IndexOf(quote, i + 1);
                    if (end < 0)
                    {
                        throw Error($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
                    }

                    value = DecodeAttribute(html[(i + 1)..end]);
                    i = end + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = DecodeAttribute(html[valueStart..i]);
                }
            }

            attributes[attrName] = value;
        }

        string? url = null;
        string? language = null;
        string? emojiId = null;
        switch (name)
        {
            case "span":
                if (!attributes.TryGetValue("class", out var cls) || cls != "tg-spoiler")
                {
                    throw Error($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, start)}");
                }

                break;
            case "a":
                if (!attributes.TryGetValue("href", out url) || url.Length == 0)
                {
                    url = null;
                    type = null;
                }

                break;
            case "code":
                if (attributes.TryGetValue("class", out var codeClass) && codeClass.StartsWith("language-", StringComparison.Ordinal))
                {
                    language = codeClass["language-".Length..];
                }

                break;
            case "blockquote":
                if (attributes.ContainsKey("expandable"))
                {
                    type = "expandable_blockquote";
                }

                break;
            case "tg-emoji":
                if (!attributes.TryGetValue("emoji-id", out emojiId) || emojiId.Length == 0)
                {
                    throw Error($"Custom emoji entity must contain a tg://emoji URL at byte offset {ByteOffset(html, start)}");
                }

                break;
            default:
                break;
        }

        stack.Add(new OpenTag(name, text.Length, type, url, language, emojiId));
        return i;
    }

    private static string DecodeAttribute(string raw)
    {
        if (!raw.Contains('&', StringComparison.Ordinal))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '&')
            {
                i = ParseEntity(raw, i, sb);
            }
            else
            {
                sb.Append(raw[i++]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes an entity at <paramref name="start"/>; a bare '&amp;' that does not look like an entity stays literal, as in Telegram.</summary>
    private static int ParseEntity(string html, int start, StringBuilder text)
    {
        var i = start + 1;
        while (i < html.Length && i - start <= 12 && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '#'))
        {
            i++;
        }

        if (i >= html.Length || html[i] != ';' || i == start + 1)
        {
            text.Append('&');
            return start + 1;
        }

        var name = html[(start + 1)..i];
        switch (name)
        {
            case "lt":
                text.Append('<');
                break;
            case "gt":
                text.Append('>');
                break;
            case "amp":
                text.Append('&');
                break;
            case "quot":
                text.Append('"');
                break;
            default:
                if (name[0] == '#' && TryParseCodePoint(name.AsSpan(1), out var codePoint))
                {
                    text.Append(char.ConvertFromUtf32(codePoint));
                    break;
                }

                throw Error($"Unsupported HTML entity \"&{name};\" at byte offset {ByteOffset(html, start)}");
        }

        return i + 1;
    }

    private static bool TryParseCodePoint(ReadOnlySpan<char> digits, out int codePoint)
    {
        var ok = digits.Length > 1 && digits[0] is 'x' or 'X'
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out codePoint);
        return ok && codePoint is > 0 and <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF;
    }
}
