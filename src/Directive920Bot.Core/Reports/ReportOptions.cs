namespace Directive920Bot.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Font file for chart text; must cover Vietnamese diacritics.</summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Local day of week of the unit admins' digest.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;

    public int DigestHour { get; set; } = 8;
}
