namespace Directive920Bot.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Font file for chart text; must cover Vietnamese diacritics.</summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Local day of week of the unit admins' digest.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;

    public int DigestHour { get; set; } = 8;

    /// <summary>
    /// First answers a question needs (bloc-wide) before the item analysis flags it or lists its option shares, in /report
    /// and the thematic DOCX: below it a share says more about chance than about the question.
    /// </summary>
    public int ItemAnalysisMinimumAnswers { get; set; } = QuestionAnalysis.DefaultMinimumSample;
}
