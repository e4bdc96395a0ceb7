using System.Globalization;

namespace Directive920Bot.Content;

/// <summary>Warnings about quizzes that can be passed without understanding the lesson.</summary>
public static partial class ContentLoader
{
    /// <summary>An option longer than this many times the mean length of the others stands out.</summary>
    public const double LongOptionRatio = 1.8;

    /// <summary>…and by at least this many characters, so that "Có" beside "Không" is not flagged.</summary>
    public const int LongOptionMinimumExcess = 10;

    private static void CheckQuizGiveaways(IEnumerable<(Variant Vi, Variant En)> pairs, DiagnosticBag bag)
    {
        foreach (var (vi, en) in pairs)
        {
            foreach (var variant in new[] { vi, en })
            {
                foreach (var question in variant.Quiz)
                {
                    CheckLongOption(variant.File, question, bag);
                }
            }

            // Correct indexes are the same in both languages (checked above), so the Vietnamese file speaks for both.
            CheckSamePosition(vi, bag);
        }
    }

    // The longest, most careful option is the right one far more often than chance: test-wise readers pick it unread.
    private static void CheckLongOption(string file, Question question, DiagnosticBag bag)
    {
        var lengths = question.Options.Select(o => o.Trim().Length).ToList();
        if (lengths.Count < 2)
        {
            return;
        }

        for (var i = 0; i < lengths.Count; i++)
        {
            var others = (lengths.Sum() - lengths[i]) / (double)(lengths.Count - 1);
            if (lengths[i] > LongOptionRatio * others && lengths[i] - others >= LongOptionMinimumExcess)
            {
                var line = i < question.OptionLines.Count ? question.OptionLines[i] : question.OptionsLine;
                bag.Warning(file, line, string.Create(CultureInfo.InvariantCulture,
                    $"question '{question.Id}': option {i + 1} is {lengths[i]} characters, {lengths[i] / others:0.0}× the mean of the others ({others:0}); a much longer option gives the answer away"));
            }
        }
    }

    // Options are shuffled for cadres, but staff who review the file, and any export in file order, see the pattern.
    private static void CheckSamePosition(Variant vi, DiagnosticBag bag)
    {
        if (vi.Quiz.Count < 2)
        {
            return;
        }

        var common = vi.Quiz.Select(q => (IEnumerable<int>)q.Correct).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
        if (common.Count > 0)
        {
            bag.Warning(vi.File, vi.LineOf("quiz"),
                $"option {string.Join(", ", common.Select(i => i + 1))} is correct in every question of this lesson; vary where the correct answer is written");
        }
    }
}
