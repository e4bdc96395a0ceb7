using Directive920Bot.Content;
using Directive920Bot.Questions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Questions;

/// <summary>
/// The goals of "ask the notice" (issue #14 §5) over the question set kept beside this file, computed from the search
/// over the shipped content. Answer time is not asserted here: it belongs to the benchmark and to <c>content ask-eval</c>.
/// </summary>
public sealed class AskTheNoticeAccuracyTests : IDisposable
{
    private readonly NoticeIndex index = NoticeIndex.Build(ContentLoader.Load(Path.Combine(BotHarness.RepoRoot, "content")).Catalog!);
    private readonly IReadOnlyList<AskCase> cases = AskCase.Read(Path.Combine(BotHarness.RepoRoot, AskCli.DefaultQuestions));

    [Fact]
    public void The_question_set_has_sixty_questions_on_the_notice_in_both_languages_and_twenty_off_topic_ones()
    {
        var onTopic = cases.Where(c => !c.OffTopic).ToList();
        Assert.True(onTopic.Count >= 60, $"{onTopic.Count} questions on the notice");
        Assert.True(cases.Count(c => c.OffTopic) >= 20, $"{cases.Count(c => c.OffTopic)} off-topic questions");
        Assert.Contains(onTopic, c => c.Question.Any(ch => ch > 127));
        Assert.Contains(onTopic, c => c.Question.All(ch => ch < 128) && c.Question.StartsWith("What", StringComparison.Ordinal));
        Assert.Contains(onTopic, c => c.Question.All(ch => ch < 128) && c.Question.Contains("can bo", StringComparison.Ordinal));

        // Every expected id is an item of the course; every item has questions.
        var ids = ContentLoader.Load(Path.Combine(BotHarness.RepoRoot, "content")).Catalog!.Clauses.Select(c => c.Id).ToHashSet();
        Assert.All(onTopic.SelectMany(c => c.Expected), id => Assert.Contains(id, ids));
        Assert.All(ids, id => Assert.Contains(onTopic, c => c.Expected.Contains(id)));
    }

    [Fact]
    public void At_least_ninety_percent_find_the_expected_item_in_the_top_three_and_seventy_five_percent_first()
    {
        var evaluation = AskEvaluation.Run(index, cases, TimeProvider.System);
        var misses = string.Join('\n', evaluation.Misses);
        Assert.True(evaluation.Top3Rate >= 0.90, $"top-3 {evaluation.Top3Rate:P1}\n{misses}");
        Assert.True(evaluation.Top1Rate >= 0.75, $"top-1 {evaluation.Top1Rate:P1}\n{misses}");
    }

    [Fact]
    public void At_least_ninety_five_percent_of_off_topic_questions_are_answered_not_in_the_notice()
    {
        var evaluation = AskEvaluation.Run(index, cases, TimeProvider.System);
        Assert.True(evaluation.OffTopicRefusedRate >= 0.95, $"off-topic refused {evaluation.OffTopicRefusedRate:P1}\n{string.Join('\n', evaluation.Misses)}");
    }

    [Theory]
    [InlineData("can bo")]
    [InlineData("CÁN BỘ")]
    [InlineData("dang uy khoi")]
    public void Text_typed_without_diacritics_or_in_capitals_finds_the_same_passages(string typed)
    {
        var answer = index.Search(typed);
        var accented = index.Search(typed.Equals("dang uy khoi", StringComparison.Ordinal) ? "Đảng ủy Khối" : "cán bộ");
        Assert.NotEmpty(answer.Passages);
        Assert.Equal(accented.Passages.Select(p => p.Text), answer.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Every_answer_names_the_course_item_and_the_lesson_to_open()
    {
        var answer = index.Ask("tham mưu cần có ý kiến rõ ràng", "vi");
        var first = answer.Passages[0];
        Assert.Equal(["L2"], first.ItemIds);
        Assert.Equal("l2-authority-advice", first.LessonId);
        Assert.Equal("vi", first.Language);
        Assert.InRange(answer.Passages.Count, 1, 3);
        Assert.Equal(answer.Passages.Count, answer.Passages.Select(p => string.Join(",", p.ItemIds)).Distinct().Count());
    }

    public void Dispose() => index.Dispose();
}
