using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Directive920Bot.Content;

/// <summary>
/// Renders lesson Markdown to the small HTML subset Telegram accepts (b, i, u, s, a, code, pre,
/// blockquote). Telegram has no headings or lists, so headings become bold lines and list items
/// become "• " / "1. " lines. Constructs Telegram cannot show (tables, images, raw HTML) are
/// reported by the loader as errors; here they degrade to escaped text so nothing is ever lost.
/// </summary>
public static partial class TelegramHtml
{
    /// <summary>Telegram's limit for one message, in visible (UTF-16) characters.</summary>
    public const int MaxMessageLength = 4096;

    // Underline is ++text++ (Markdig's "inserted"), strike is ~~text~~. Tables are parsed only so
    // they can be reported instead of silently rendering as pipes.
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Inserted)
        .UsePipeTables()
        .UseGridTables()
        .UsePreciseSourceLocation()
        .Build();

    public static string Render(string markdown) => Render(Markdown.Parse(markdown ?? string.Empty, Pipeline));

    internal static string Render(MarkdownDocument document) => Blocks(document, "\n\n").Trim('\n');

    /// <summary>Characters the reader sees: tags removed and entities decoded, counted as Telegram does (UTF-16).</summary>
    public static int VisibleLength(string html) =>
        string.IsNullOrEmpty(html) ? 0 : WebUtility.HtmlDecode(TagRegex().Replace(html, string.Empty)).Length;

    /// <summary>
    /// Escapes the three characters Telegram's HTML parse mode requires, and nothing else: the one escaper for text the
    /// bot puts into outbound HTML. (WebUtility.HtmlEncode also turns every non-ASCII letter into a numeric entity, which
    /// made Vietnamese several times longer on the wire and in every raw-length check.)
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    internal static bool IsAllowedUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Blocks(ContainerBlock container, string separator) =>
        string.Join(separator, container.Select(Block).Where(s => s.Length > 0));

    private static string Block(Block block) => block switch
    {
        HeadingBlock heading => $"<b>{Inlines(heading.Inline)}</b>",
        ParagraphBlock paragraph => Inlines(paragraph.Inline),
        QuoteBlock quote => $"<blockquote>{Blocks(quote, "\n\n")}</blockquote>",
        ListBlock list => List(list),
        CodeBlock code => $"<pre>{Escape(code.Lines.ToString())}</pre>",
        ThematicBreakBlock => "———",
        HtmlBlock html => Escape(html.Lines.ToString()),
        Table table => string.Join("\n", table.OfType<TableRow>().Select(row =>
            string.Join(" | ", row.OfType<TableCell>().Select(cell => Blocks(cell, " "))))),
        LinkReferenceDefinitionGroup => string.Empty,
        ContainerBlock container => Blocks(container, "\n\n"),
        LeafBlock leaf => Escape(leaf.Lines.ToString()),
        _ => string.Empty,
    };

    private static string List(ListBlock list)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        var lines = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "• ";
            // One line per item; continuation lines and nested lists are indented under the marker.
            var body = Blocks(item, "\n").Replace("\n", "\n    ", StringComparison.Ordinal);
            lines.Add(marker + body);
        }

        return string.Join("\n", lines);
    }

    private static string Inlines(ContainerInline? container)
    {
        var sb = new StringBuilder();
        if (container is not null)
        {
            foreach (var inline in container)
            {
                Inline(inline, sb);
            }
        }

        return sb.ToString();
    }

    private static void Inline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                sb.Append("<code>").Append(Escape(code.Content)).Append("</code>");
                break;
            case LineBreakInline lineBreak:
                // A soft break is just a wrapped line in the source; only hard breaks start a new line.
                sb.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case EmphasisInline emphasis:
                var tag = (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
                {
                    ('+', _) => "u",
                    ('~', _) => "s",
                    (_, >= 2) => "b",
                    _ => "i",
                };
                sb.Append('<').Append(tag).Append('>').Append(Inlines(emphasis)).Append("</").Append(tag).Append('>');
                break;
            case LinkInline { IsImage: true } image:
                sb.Append(Inlines(image));
                break;
            case LinkInline link when IsAllowedUrl(link.Url):
                sb.Append("<a href=\"").Append(EscapeAttribute(link.Url!)).Append("\">").Append(Inlines(link)).Append("</a>");
                break;
            case AutolinkInline { IsEmail: false } autolink when IsAllowedUrl(autolink.Url):
                sb.Append("<a href=\"").Append(EscapeAttribute(autolink.Url)).Append("\">").Append(Escape(autolink.Url)).Append("</a>");
                break;
            case AutolinkInline autolink:
                sb.Append(Escape(autolink.Url));
                break;
            case HtmlInline html:
                sb.Append(Escape(html.Tag));
                break;
            case HtmlEntityInline entity:
                sb.Append(Escape(entity.Transcoded.ToString()));
                break;
            case ContainerInline container:
                sb.Append(Inlines(container));
                break;
            default:
                sb.Append(Escape(inline.ToString() ?? string.Empty));
                break;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();
}
