using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

/// <summary>The repository's real content/ folder: what the bot ships must load, cover the notice and fit Telegram.</summary>
public sealed class ShippedContentTests
{
    private static readonly Lazy<ContentLoadResult> Result = new(() => ContentLoader.Load(ContentTestFiles.ShippedContent()));

    private static ContentCatalog Catalog => Result.Value.Catalog
        ?? throw new Xunit.Sdk.XunitException("content/ has errors:\n" + string.Join("\n", Result.Value.Errors));

    [Fact]
    public void Validates_with_zero_errors() =>
        Assert.False(Result.Value.HasErrors, "content/ has errors:\n" + string.Join("\n", Result.Value.Errors));

    [Fact]
    public void Every_clause_is_taught_by_a_lesson_and_asked_by_a_question()
    {
        var taught = Catalog.Track.SelectMany(i => i.Clauses).ToHashSet();
        var asked = Catalog.Track.SelectMany(i => i.For("vi").Quiz).SelectMany(q => Catalog.Clauses.Where(c => Cites(q.Explanation, c.Id)).Select(c => c.Id)).ToHashSet();

        Assert.Empty(Catalog.Clauses.Where(c => !taught.Contains(c.Id)).Select(c => c.Id));
        Assert.Empty(Catalog.Clauses.Where(c => !asked.Contains(c.Id)).Select(c => c.Id));
    }

    [Fact]
    public void Clause_file_lists_the_notice_outline()
    {
        Assert.Equal(["C1", "C2", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "I1", "I2", "I3", "I4"], Catalog.Clauses.Select(c => c.Id));
    }

    [Fact]
    public void Every_item_fits_one_telegram_message_in_both_languages()
    {
        var tooLong = Catalog.Items.SelectMany(i => ContentLoader.Languages.Select(l => (i.Id, l, Length: TelegramHtml.VisibleLength(i.For(l).Html))))
            .Where(x => x.Length > TelegramHtml.MaxMessageLength)
            .ToList();
        Assert.Empty(tooLong);
        Assert.All(Catalog.Items, i => Assert.True(i.Texts.Keys.ToHashSet().SetEquals(ContentLoader.Languages), i.Id));
    }

    [Fact]
    public void Every_question_fits_telegram_poll_limits()
    {
        foreach (var item in Catalog.Items)
        {
            foreach (var language in ContentLoader.Languages)
            {
                foreach (var q in item.For(language).Quiz)
                {
                    var where = $"{item.Id}/{language}/{q.Id}";
                    Assert.True(q.Question.Length <= ContentLoader.MaxQuestionLength, $"{where}: question too long");
                    Assert.InRange(q.Options.Count, ContentLoader.MinOptions, ContentLoader.MaxOptions);
                    Assert.All(q.Options, o => Assert.True(o.Length is > 0 and <= ContentLoader.MaxOptionLength, $"{where}: option '{o}'"));
                    Assert.True(q.Explanation.Length <= ContentLoader.MaxExplanationLength, $"{where}: explanation too long");
                    Assert.NotEmpty(q.Correct);
                    Assert.All(q.Correct, c => Assert.InRange(c, 0, q.Options.Count - 1));
                    if (Catalog.Curriculum.QuizMode == "poll")
                    {
                        Assert.Single(q.Correct);
                    }
                }
            }
        }
    }

    private static bool Cites(string explanation, string clauseId) =>
        System.Text.RegularExpressions.Regex.IsMatch(explanation, $"(?<![A-Za-z0-9]){clauseId}(?![A-Za-z0-9])");
}
