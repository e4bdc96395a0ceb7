using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

public sealed class ContentCliTests
{
    [Fact]
    public async Task Validate_prints_file_line_messages_and_fails_on_errors()
    {
        using var content = new TempContent("unknown-clause");
        using var output = new StringWriter();

        var exit = await ContentCli.ValidateAsync(content.Root, output, new DateOnly(2026, 12, 6), CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("lessons/vi/01-basics.md:4: error: unknown clause id 'X9'", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 error(s), 0 warning(s)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_succeeds_on_good_content_and_still_prints_warnings()
    {
        using var content = new TempContent("coverage");
        using var output = new StringWriter();

        var exit = await ContentCli.ValidateAsync(content.Root, output, new DateOnly(2026, 12, 6), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("clauses.yaml:4: warning: clause S1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 item(s), 0 error(s), 2 warning(s)", output.ToString(), StringComparison.Ordinal);
    }
}
