namespace Directive920Bot.Implementation;

/// <summary>How long a reporting period of the implementation reports is (<c>Implementation:Period</c>).</summary>
public enum PeriodKind
{
    Quarter,
    Month,
    HalfYear,
}
