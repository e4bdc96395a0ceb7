using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

/// <summary>One fixture per mistake a content author can make; each must be reported at its real file and line.</summary>
public sealed class ContentValidationTests
{
    private const string Vi = "lessons/vi/01-basics.md";
    private const string En = "lessons/en/01-basics.md";

    [Fact]
    public void Valid_fixture_has_no_diagnostics()
    {
        using var content = new TempContent();
        var result = content.Load();
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Catalog);
    }

    [Theory]
    [InlineData("unknown-clause", Vi, 4, "unknown clause id 'X9'")]
    [InlineData("missing-variant", "lessons/vi/03-orphan.md", 1, "missing English variant")]
    [InlineData("duplicate-id", "lessons/vi/03-copy.md", 2, "duplicate id 'basics'")]
    [InlineData("no-correct", Vi, 13, "no correct answer")]
    [InlineData("correct-out-of-range", Vi, 13, "correct answer 4 is out of range")]
    [InlineData("option-count", Vi, 12, "needs 2–6 options, got 1")]
    [InlineData("explanation-too-long", Vi, 14, "Telegram allows 200")]
    [InlineData("explanation-no-clause", Vi, 14, "must name the clause")]
    [InlineData("question-too-long", Vi, 11, "Telegram polls allow 300")]
    [InlineData("option-too-long", Vi, 12, "Telegram polls allow 100")]
    [InlineData("lesson-too-long", Vi, 16, "Telegram allows 4096")]
    [InlineData("markdown-table", Vi, 21, "tables cannot be shown")]
    [InlineData("markdown-image", Vi, 21, "images cannot be shown")]
    [InlineData("markdown-html", Vi, 21, "raw HTML cannot be used")]
    [InlineData("markdown-unsafe-link", Vi, 21, "only http:// and https:// links")]
    [InlineData("yaml-syntax", Vi, 6, "YAML syntax error")]
    [InlineData("curriculum-yaml-syntax", "curriculum.yaml", 4, "YAML syntax error")]
    [InlineData("missing-key", Vi, 2, "missing required key 'title'")]
    [InlineData("structure-mismatch", En, 3, "'order' is '2' here but '1' in lessons/vi/01-basics.md")]
    [InlineData("structure-mismatch", En, 12, "has 4 options here but 3")]
    [InlineData("unknown-track-id", "curriculum.yaml", 3, "unknown lesson id 'nope' in track")]
    [InlineData("poll-multi-correct", Vi, 13, "exactly one correct answer")]
    public void Reports_error_at_file_and_line(string errorCase, string file, int line, string message)
    {
        using var content = new TempContent(errorCase);
        var result = content.Load();

        Assert.Null(result.Catalog);
        Assert.True(
            result.Diagnostics.Any(d => d.IsError && d.File == file && d.Line == line && d.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {file}:{line}: error: …{message}…; got:\n{string.Join("\n", result.Diagnostics)}");
    }

    [Theory]
    [InlineData("lesson-long-warning", Vi, 16, "no longer fits about one phone screen")]
    [InlineData("markdown-deep-heading", Vi, 21, "heading level 4")]
    [InlineData("coverage", "clauses.yaml", 4, "clause S1 is covered by no lesson")]
    [InlineData("coverage", "clauses.yaml", 4, "no quiz question cites clause S1")]
    [InlineData("quiz-long-option", Vi, 14, "option 2 is 52 characters, 6.1× the mean of the others (9); a much longer option gives the answer away")]
    [InlineData("quiz-same-position", Vi, 9, "option 1 is correct in every question of this lesson")]
    [InlineData("quiet-hours-swapped", "curriculum.yaml", 6, "did you mean start: \"21:00\", end: \"07:00\"")]
    public void Reports_warning_at_file_and_line_and_still_loads(string warningCase, string file, int line, string message)
    {
        using var content = new TempContent(warningCase);
        var result = content.Load();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Catalog);
        Assert.Contains(result.Catalog.Warnings, d => !d.IsError && d.File == file && d.Line == line && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_folder_is_an_error_not_an_exception()
    {
        var result = ContentLoader.Load(Path.Combine(Path.GetTempPath(), "d920-no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.Null(result.Catalog);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnostic_prints_as_file_line_severity_message()
    {
        Assert.Equal("a.md:3: error: bad", new ContentDiagnostic("a.md", 3, "bad", IsError: true).ToString());
        Assert.Equal("a.md:4: warning: meh", new ContentDiagnostic("a.md", 4, "meh", IsError: false).ToString());
    }
}
