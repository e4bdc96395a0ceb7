using Directive920Bot.Content;

namespace Directive920Bot.Reports;

/// <summary>
/// One question's figures for propaganda staff: first answers (one per cadre, reviews excluded, as the report counters
/// count them), the share right, and the share choosing each option in authored (file) order.
/// </summary>
public sealed record QuestionAnalysis(
    string ItemId,
    string QuestionId,
    string Question,
    IReadOnlyList<string> Options,
    IReadOnlyList<int> Correct,
    int Answered,
    int Right,
    int Tallied,
    IReadOnlyList<double> Shares,
    QuestionVerdict Verdict)
{
    /// <summary>Below this many first answers no question is flagged.</summary>
    public const int DefaultMinimumSample = 20;

    /// <summary>At or above this share right at the first try a question is <see cref="QuestionVerdict.TooEasy"/>.</summary>
    public const double EasyShare = 0.95;

    /// <summary>At or above this share wrong a question is <see cref="QuestionVerdict.TooHard"/>.</summary>
    public const double HardWrongShare = 0.60;

    public double RightShare => Answered == 0 ? 0 : (double)Right / Answered;

    /// <summary>Every question of the catalog in curriculum order, with the counters of all units summed.</summary>
    public static IReadOnlyList<QuestionAnalysis> Of(ContentCatalog catalog, IEnumerable<QuestionCounter> counters, string language, int minimumSample = DefaultMinimumSample)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(counters);
        var byQuestion = counters.GroupBy(c => c.QuestionId).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<QuestionAnalysis>();
        foreach (var item in catalog.Items)
        {
            foreach (var question in item.For(language).Quiz)
            {
                var units = byQuestion.GetValueOrDefault(ReportCounters.QuestionKey(item.Id, question.Id)) ?? [];
                var answered = units.Sum(u => u.Answered);
                var right = units.Sum(u => u.Correct);
                var tallied = units.Sum(u => u.Tallied);
                var shares = question.Options
                    .Select((_, i) => tallied == 0 ? 0 : units.Sum(u => i < u.Chosen.Count ? u.Chosen[i] : 0) / (double)tallied)
                    .ToList();
                result.Add(new QuestionAnalysis(item.Id, question.Id, question.Question, question.Options, question.Correct,
                    answered, right, tallied, shares, VerdictFor(answered, right, minimumSample)));
            }
        }

        return result;
    }

    public static QuestionVerdict VerdictFor(int answered, int right, int minimumSample)
    {
        if (answered < Math.Max(1, minimumSample))
        {
            return QuestionVerdict.FewAnswers;
        }

        var share = (double)right / answered;
        return share >= EasyShare ? QuestionVerdict.TooEasy
            : 1 - share >= HardWrongShare ? QuestionVerdict.TooHard
            : QuestionVerdict.None;
    }
}
