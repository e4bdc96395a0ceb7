using Directive920Bot.Implementation;

namespace Directive920Bot.Tests.Implementation;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-12-31", PeriodKind.Quarter, "2026-Q4", "2026-10-01", "2026-12-31", "Quý IV năm 2026")]
    [InlineData("2026-01-01", PeriodKind.Quarter, "2026-Q1", "2026-01-01", "2026-03-31", "Quý I năm 2026")]
    [InlineData("2028-02-29", PeriodKind.Month, "2028-M02", "2028-02-01", "2028-02-29", "Tháng 2 năm 2028")]
    [InlineData("2026-07-01", PeriodKind.HalfYear, "2026-H2", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026")]
    public void A_day_falls_in_the_period_that_starts_and_ends_on_its_calendar_bounds(string day, PeriodKind kind, string id, string start, string end, string label)
    {
        var period = ReportingPeriod.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), kind);
        Assert.Equal(id, period.Id);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(label, period.Label());
        Assert.True(ReportingPeriod.TryParse(id, out var parsed));
        Assert.Equal(period, parsed);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-M13")]
    [InlineData("2026-H0")]
    [InlineData("2026-X1")]
    [InlineData("26-Q1")]
    [InlineData("")]
    public void A_malformed_period_id_is_refused(string text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Fact]
    public void The_period_before_the_first_quarter_is_the_last_quarter_of_the_previous_year() =>
        Assert.Equal("2025-Q4", new ReportingPeriod(PeriodKind.Quarter, 2026, 1).Previous().Id);
}
