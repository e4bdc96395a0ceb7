using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>
/// Cadres' feedback for the thematic report: named feedback of the unit's sub-tree; for the bloc also anonymous. Then the
/// questions "ask the notice" found nothing for (they say what cadres want to know, clause I1), with their count.
/// </summary>
public sealed class ReportFeedback(IFeedback feedback, IUnits units, PeriodReportService period, IUnansweredQuestions questions)
{
    /// <summary>Feedback given in the period of local days (the same bounds as the report's figures).</summary>
    public IReadOnlyList<string> For(string unitCode, DateOnly from, DateOnly to)
    {
        var (start, end) = period.Bounds(from, to);
        var root = units.Find(unitCode);
        var items = root?.ParentCode is null ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes([unitCode]));
        // A unit's kiến nghị (Source "implementation") is in the implementation section with its requirement already.
        var lines = items.Where(f => f.Source is null && f.CreatedAt >= start && f.CreatedAt < end)
            .OrderBy(f => f.CreatedAt).Take(100).Select(f => f.Text.Length > 500 ? f.Text[..500] + "…" : f.Text).ToList();

        // A question keeps only its day (UTC), so it is placed by day rather than by the period's local bounds.
        var asked = questions.List(root?.ParentCode is null ? null : units.SubTreeCodes([unitCode]))
            .Where(q => DateOnly.FromDateTime(q.AskedOn) >= from && DateOnly.FromDateTime(q.AskedOn) <= to)
            .OrderBy(q => q.AskedOn).ToList();
        if (asked.Count > 0)
        {
            lines.Add(FormattableString.Invariant($"Số câu hỏi của cán bộ chưa có trong nội dung học: {asked.Count}"));
            lines.AddRange(asked.Take(50).Select(q => "Câu hỏi chưa có trong nội dung học: " + q.Text));
        }

        return lines;
    }
}
