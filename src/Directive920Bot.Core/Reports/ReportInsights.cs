using System.Globalization;
using System.Text;
using Directive920Bot.Content;
using Directive920Bot.Localization;
using Directive920Bot.Questions;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Reports;

/// <summary>
/// The short item analysis and the "ask the notice" count that /report adds for propaganda staff: questions nearly
/// everyone gets right or most get wrong (the same <see cref="QuestionAnalysis"/> as <c>content stats</c>, bloc-wide,
/// since the quiz counters are kept per question) and how many cadres' questions the course could not answer.
/// </summary>
public sealed class ReportInsights(ContentService content, IReportCounterStore counters, IUnansweredQuestions unanswered, IUnits units, IOptions<ReportOptions> options)
{
    private const int Listed = 3;

    private static readonly Loc Heading = new(
        "🧪 <b>Phân tích câu hỏi</b> (toàn Khối, câu có từ {0} lượt trả lời đầu tiên):",
        "🧪 <b>Item analysis</b> (whole bloc, questions with at least {0} first answers):");

    private static readonly Loc Easy = new("Gần như ai cũng trả lời đúng ngay: {0}", "Nearly everyone right at first try: {0}");
    private static readonly Loc Hard = new("Đa số trả lời sai: {0}", "Most answer wrong: {0}");
    private static readonly Loc None = new("không có", "none");
    private static readonly Loc Unanswered = new(
        "❔ Câu hỏi của cán bộ chưa tìm được nội dung trả lời (hỏi – đáp): {0} câu",
        "❔ Cadres' questions the course could not answer (ask the notice): {0}");

    /// <summary>First answers a question needs before it is analysed (<see cref="ReportOptions.ItemAnalysisMinimumAnswers"/>).</summary>
    public int MinimumSample => options.Value.ItemAnalysisMinimumAnswers;

    /// <summary>Every question of the catalogue with its bloc-wide figures and verdict (below <see cref="MinimumSample"/>: few answers).</summary>
    public IReadOnlyList<QuestionAnalysis> Analysis(string language) => QuestionAnalysis.Of(content.Current, counters.AllQuestions(), language, MinimumSample);

    public string ChatSection(string unitCode, string language)
    {
        var minimumSample = MinimumSample;
        var analysis = QuestionAnalysis.Of(content.Current, counters.AllQuestions(), language, minimumSample);
        var open = UnansweredIn(unitCode);
        return new StringBuilder()
            .AppendLine(Heading.Format(language, minimumSample))
            .AppendLine(Easy.Format(language, Names(analysis, QuestionVerdict.TooEasy, language)))
            .AppendLine(Hard.Format(language, Names(analysis, QuestionVerdict.TooHard, language)))
            .Append(Unanswered.Format(language, open))
            .ToString();
    }

    /// <summary>
    /// The item analysis as rows for the thematic DOCX: every question with enough first answers (bloc-wide), the share
    /// choosing each option in authored order ("A 80,0% (đúng) · B 12,5% · …") and the verdict in words.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> DocumentRows()
    {
        const string language = Localization.Languages.Vietnamese;
        return QuestionAnalysis.Of(content.Current, counters.AllQuestions(), language, MinimumSample)
            .Where(q => q.Verdict != QuestionVerdict.FewAnswers)
            .Select(q => (IReadOnlyList<string>)
            [
                q.Question,
                Numbers.Count(q.Answered, language),
                string.Join(" · ", q.Options.Select((_, i) =>
                    string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + i)} {Numbers.Percent(q.Shares[i], language)}{(q.Correct.Contains(i) ? " (đúng)" : "")}"))),
                q.Verdict switch
                {
                    QuestionVerdict.TooEasy => "Gần như ai cũng trả lời đúng ngay: có thể nâng độ khó",
                    QuestionVerdict.TooHard => "Đa số trả lời sai: cần quán triệt thêm nội dung này",
                    _ => "Bình thường",
                },
            ])
            .ToList();
    }

    /// <summary>Questions from the unit and the units below it that the course could not answer (the API's unit report).</summary>
    public int UnansweredIn(string unitCode) => unanswered.List(units.SubTreeCodes([unitCode])).Count;

    private static string Names(IReadOnlyList<QuestionAnalysis> analysis, QuestionVerdict verdict, string language)
    {
        var flagged = analysis.Where(q => q.Verdict == verdict).ToList();
        if (flagged.Count == 0)
        {
            return None.For(language);
        }

        var names = flagged.Take(Listed).Select(q => "“" + TelegramHtml.Escape(q.Question.Length > 60 ? q.Question[..59] + "…" : q.Question) + "”");
        return Numbers.Count(flagged.Count, language) + " — " + string.Join("; ", names) + (flagged.Count > Listed ? "; …" : "");
    }
}
