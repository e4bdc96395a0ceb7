using Directive920Bot.Reports;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Reports;

public sealed class ContentStatsTests
{
    [Fact]
    public async Task Answers_given_in_shuffled_order_are_counted_and_analysed_as_the_authored_options()
    {
        await using var bot = await StartAsync();
        // Three cadres, each seeing q1's options in an order of their own: two tap the right answer, one the authored third.
        var picks = new[] { (Id: 4101L, Authored: 0), (Id: 4102L, Authored: 0), (Id: 4103L, Authored: 2) };
        foreach (var (id, authored) in picks)
        {
            var cadre = await bot.RegisterAsync(id);
            var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
            await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
            var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal));
            await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", authored);
        }

        // The report counter, written in each answer's transaction, holds authored options.
        var counter = bot.Get<IReportCounterStore>().FindQuestion("SNV-VP|" + ReportCounters.QuestionKey(Lesson1, "q1"))!;
        Assert.Equal((3, 2, 3), (counter.Answered, counter.Correct, counter.Tallied));
        Assert.Equal([2, 0, 1], counter.Chosen);

        await bot.StopHostAsync();
        using var output = new StringWriter();
        Assert.Equal(0, await bot.RunCliAsync(output, "content", "stats", "--database", bot.DatabasePath, "--min-sample", "3"));
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => l.StartsWith("c1-context/q1\t", StringComparison.Ordinal));
        Assert.True(at >= 0, output.ToString());
        Assert.Equal("c1-context/q1\tanswered 3\tright 66.7%", lines[at]);
        Assert.StartsWith("  *1.  66.7%  ", lines[at + 2], StringComparison.Ordinal);
        Assert.StartsWith("   2.   0.0%  ", lines[at + 3], StringComparison.Ordinal);
        Assert.StartsWith("   3.  33.3%  ", lines[at + 4], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("c2-shortcomings/q1\tanswered 0", StringComparison.Ordinal) && l.Contains("too few", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(19, 19, 20, QuestionVerdict.FewAnswers)]
    [InlineData(20, 19, 20, QuestionVerdict.TooEasy)]
    [InlineData(20, 18, 20, QuestionVerdict.None)]
    [InlineData(20, 8, 20, QuestionVerdict.TooHard)]
    [InlineData(20, 9, 20, QuestionVerdict.None)]
    public void A_question_is_flagged_only_with_enough_answers_and_at_the_thresholds(int answered, int right, int minimum, QuestionVerdict expected) =>
        Assert.Equal(expected, QuestionAnalysis.VerdictFor(answered, right, minimum));
}
