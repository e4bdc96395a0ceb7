using Directive920Bot.Channels;
using Directive920Bot.Zalo;

namespace Directive920Bot.Tests.Zalo;

public sealed class ZaloTextTests
{
    [Fact]
    public void Html_becomes_plain_text_with_links_written_out_and_buttons_as_numbered_replies()
    {
        var message = new OutboundMessage("<b>Bài 1</b> &amp; <a href=\"https://example.vn/a\">tài liệu</a>")
            .WithButtons([new OutboundButton("Đã đọc", "k1")], [new OutboundButton("Trang web", Url: "https://example.vn")]);

        var text = ZaloText.Render(message, "vi");

        Assert.Equal("Bài 1 & tài liệu (https://example.vn/a)\n\nTrang web: https://example.vn\nTrả lời 1 để chọn: Đã đọc\n(Đồng chí gõ số tương ứng, ví dụ: 1)", text);
    }

    [Fact]
    public void A_long_text_is_cut_at_paragraph_breaks_into_parts_of_at_most_2000_characters()
    {
        var paragraphs = Enumerable.Range(1, 9).Select(i => $"Đoạn {i}. " + new string('x', 490)).ToList();

        var parts = ZaloText.Split(string.Join("\n\n", paragraphs));

        Assert.All(parts, p => Assert.InRange(p.Length, 1, ZaloOptions.MessageLimit));
        Assert.All(parts, p => Assert.StartsWith("Đoạn ", p, StringComparison.Ordinal));
        Assert.Equal(string.Join("\n\n", paragraphs), string.Join("\n\n", parts));
    }

    [Fact]
    public void A_text_without_breaks_is_cut_hard_and_loses_nothing()
    {
        var text = new string('y', 4500);

        var parts = ZaloText.Split(text);

        Assert.Equal([2000, 2000, 500], parts.Select(p => p.Length));
    }
}
