using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>Cadres' feedback for the thematic report: named feedback of the unit's sub-tree; for the bloc also anonymous.</summary>
public sealed class ReportFeedback(FeedbackStore feedback, IUnits units, PeriodReportService period)
{
    /// <summary>Feedback given in the period of local days (the same bounds as the report's figures).</summary>
    public IReadOnlyList<string> For(string unitCode, DateOnly from, DateOnly to)
    {
        var (start, end) = period.Bounds(from, to);
        var root = units.Find(unitCode);
        var items = root?.ParentCode is null ? feedback.All() : feedback.NamedFromUnits(units.SubTreeCodes([unitCode]));
        return items.Where(f => f.CreatedAt >= start && f.CreatedAt < end)
            .OrderBy(f => f.CreatedAt).Take(100).Select(f => f.Text.Length > 500 ? f.Text[..500] + "…" : f.Text).ToList();
    }
}
