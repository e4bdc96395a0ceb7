using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

public sealed class TelegramHtmlGoldenTests
{
    public static TheoryData<string> Cases() => [.. Names()];

    private static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(ContentTestFiles.Golden, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_construct_as_in_golden_file(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(ContentTestFiles.Golden, name + ".md"));
        var actual = TelegramHtml.Render(markdown);
        var expectedPath = Path.Combine(ContentTestFiles.Golden, name + ".html");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(ContentTestFiles.GoldenSource(), name + ".html"), actual + "\n");
        }

        Assert.True(File.Exists(expectedPath), $"missing golden file {name}.html (run with UPDATE_GOLDEN=1 and review it)");
        Assert.Equal(File.ReadAllText(expectedPath).TrimEnd('\n'), actual);
    }

    [Fact]
    public void Golden_cases_exist_for_every_construct()
    {
        var names = Names().ToList();
        foreach (var construct in new[] { "bold", "italic", "underline-strike", "link", "bullet-list", "numbered-list", "nested-list", "blockquote", "heading", "paragraphs", "code", "escaping" })
        {
            Assert.Contains(construct, names);
        }
    }

    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("\"quoted\"", "\"quoted\"")]
    public void Escape_handles_the_three_telegram_characters(string text, string expected) =>
        Assert.Equal(expected, TelegramHtml.Escape(text));

    [Theory]
    [InlineData("<b>Tiêu đề</b>\n\nA &amp; B", 14)]
    [InlineData("<a href=\"https://x.org\">link</a>", 4)]
    [InlineData("", 0)]
    public void VisibleLength_counts_what_the_reader_sees(string html, int expected) =>
        Assert.Equal(expected, TelegramHtml.VisibleLength(html));
}
