using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

public sealed class HtmlParsingTests : EmulatorTestBase
{
    [Theory]
    [InlineData("<div>x</div>")]
    [InlineData("<br>")]
    [InlineData("<b>unclosed")]
    [InlineData("<b><i>x</b></i>")]
    [InlineData("x</b>")]
    [InlineData("a &nbsp; b")]
    [InlineData("<span>x</span>")]
    [InlineData("1 < 2")]
    public async Task Invalid_html_is_rejected_with_cant_parse_entities(string html)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, html, ParseMode.Html));
        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Transcript(Alice));
    }

    [Fact]
    public async Task Every_supported_tag_parses_into_entities()
    {
        const string html = "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>"
            + "<span class=\"tg-spoiler\">p</span><tg-spoiler>q</tg-spoiler><a href=\"https://example.com/?a=1&amp;b=2\">link</a>"
            + "<code>c</code><pre><code class=\"language-csharp\">var x;</code></pre><blockquote expandable>quote</blockquote>"
            + "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> &lt;&gt;&quot;&#65;&#x42;";

        var message = await Bot.SendMessage(Alice, html, ParseMode.Html);

        Assert.EndsWith("👍 <>\"AB", message.Text, StringComparison.Ordinal);
        var types = message.Entities!.Select(e => e.Type).ToList();
        Assert.Contains(MessageEntityType.TextLink, types);
        Assert.Contains(MessageEntityType.Spoiler, types);
        Assert.Contains(MessageEntityType.ExpandableBlockquote, types);
        Assert.Contains(MessageEntityType.CustomEmoji, types);
        var pre = Assert.Single(message.Entities!, e => e.Type == MessageEntityType.Pre);
        Assert.Equal("csharp", pre.Language);
        Assert.Equal("https://example.com/?a=1&b=2", Assert.Single(message.Entities!, e => e.Type == MessageEntityType.TextLink).Url);
        Assert.Equal(html, Emulator.Transcript(Alice)[0].Html);
    }

    [Fact]
    public async Task Without_parse_mode_tags_are_plain_text()
    {
        var message = await Bot.SendMessage(Alice, "<div>literal</div>");
        Assert.Equal("<div>literal</div>", message.Text);
    }
}
