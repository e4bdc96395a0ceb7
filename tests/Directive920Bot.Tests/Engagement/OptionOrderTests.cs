using Directive920Bot.Content;
using Directive920Bot.Engagement;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Engagement;

public sealed class OptionOrderTests
{
    private const int Cadres = 3000;

    private static IReadOnlyList<(string ItemId, QuizQuestion Question)> ShippedQuestions()
    {
        var catalog = ContentLoader.Load(Path.Combine(BotHarness.RepoRoot, "content")).Catalog!;
        return [.. catalog.Items.SelectMany(i => i.For("vi").Quiz.Select(q => (i.Id, q)))];
    }

    [Fact]
    public void An_order_is_a_permutation_and_the_same_for_the_same_cadre_and_question()
    {
        for (var n = 1; n <= 6; n++)
        {
            var order = OptionOrder.For(42, "c1-context", "q1", n);
            Assert.Equal(Enumerable.Range(0, n), order.Order());
            Assert.Equal(order, OptionOrder.For(42, "c1-context", "q1", n));
        }

        // Pinned: the seed is SHA-256 of the key, not string.GetHashCode (randomised per process). A change here would
        // reshuffle the questions cadres have already seen, so it must be deliberate.
        Assert.Equal([0, 2, 3, 1], OptionOrder.For(1001, "c1-context", "q1", 4));
        Assert.Equal([0, 1, 2, 3], OptionOrder.For(1002, "c1-context", "q1", 4));
    }

    [Fact]
    public void Over_many_cadres_the_right_answer_of_every_shipped_question_is_at_each_position_about_equally_often()
    {
        var questions = ShippedQuestions().Where(q => q.Question.Correct.Count == 1).ToList();
        Assert.NotEmpty(questions);
        var failures = new List<string>();
        var pooled = new Dictionary<int, long[]>();
        foreach (var (itemId, question) in questions)
        {
            var n = question.Options.Count;
            var counts = new long[n];
            for (var cadre = 1; cadre <= Cadres; cadre++)
            {
                counts[OptionOrder.PositionOf(QuizService.OrderFor(100_000 + cadre, itemId, question), question.Correct[0])]++;
            }

            var total = pooled.TryGetValue(n, out var p) ? p : pooled[n] = new long[n];
            for (var i = 0; i < n; i++)
            {
                total[i] += counts[i];
            }

            // One test per question at 1 in 10,000, so that the 30-odd questions together stay far from a false alarm.
            var (chi, critical) = ChiSquare(counts, 3.719);
            if (chi > critical)
            {
                failures.Add($"{itemId}/{question.Id}: [{string.Join(", ", counts)}] χ²={chi:F1} > {critical:F1}");
            }
        }

        foreach (var (n, counts) in pooled)
        {
            var (chi, critical) = ChiSquare(counts, 3.719);
            if (chi > critical)
            {
                failures.Add($"all {n}-option questions: [{string.Join(", ", counts)}] χ²={chi:F1} > {critical:F1}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Always_pressing_the_first_letter_scores_about_one_in_the_number_of_options()
    {
        var questions = ShippedQuestions().Where(q => q.Question.Correct.Count == 1).ToList();
        double expected = 0, scored = 0;
        for (var cadre = 1; cadre <= Cadres; cadre++)
        {
            foreach (var (itemId, question) in questions)
            {
                expected += 1.0 / question.Options.Count;
                scored += QuizService.OrderFor(200_000 + cadre, itemId, question)[0] == question.Correct[0] ? 1 : 0;
            }
        }

        // The mean of many Bernoulli draws: ±4 standard deviations (σ² ≤ Σ p(1-p) ≤ N/4).
        var n = (double)Cadres * questions.Count;
        Assert.InRange(scored / n, expected / n - 4 * Math.Sqrt(0.25 / n), expected / n + 4 * Math.Sqrt(0.25 / n));
    }

    /// <summary>Pearson's χ² against a uniform spread and the Wilson–Hilferty critical value for the given normal quantile.</summary>
    private static (double Chi, double Critical) ChiSquare(long[] counts, double z)
    {
        var k = counts.Length;
        var expected = counts.Sum() / (double)k;
        var chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        double df = k - 1;
        var critical = df * Math.Pow(1 - 2 / (9 * df) + z * Math.Sqrt(2 / (9 * df)), 3);
        return (chi, critical);
    }
}
