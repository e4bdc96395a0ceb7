using System.Text.RegularExpressions;
using Directive920Bot.Localization;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Localization;

/// <summary>One way to write a date to people: dd/MM/yyyy, 24-hour times, the weekday where a person plans around it.</summary>
public sealed partial class DatesTests
{
    [Theory]
    [InlineData("2026-11-16", "thứ Hai, 16/11/2026", "Monday 16/11/2026")]
    [InlineData("2026-11-19", "thứ Năm, 19/11/2026", "Thursday 19/11/2026")]
    [InlineData("2026-11-21", "thứ Bảy, 21/11/2026", "Saturday 21/11/2026")]
    [InlineData("2026-11-22", "Chủ nhật, 22/11/2026", "Sunday 22/11/2026")]
    public void A_day_someone_plans_around_carries_its_weekday_in_both_languages(string iso, string vietnamese, string english)
    {
        var day = DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(vietnamese, Dates.DayWithWeekday(day, "vi"));
        Assert.Equal(english, Dates.DayWithWeekday(day, "en"));
    }

    [Fact]
    public void A_time_in_prose_and_a_planned_time_use_the_same_day_and_24_hour_time()
    {
        var local = new DateTime(2026, 12, 1, 8, 15, 0, DateTimeKind.Unspecified);

        Assert.Equal("08:15 ngày 01/12/2026", Dates.At(local, "vi"));
        Assert.Equal("08:15 on 01/12/2026", Dates.At(local, "en"));
        Assert.Equal("08:15 thứ Ba, 01/12/2026", Dates.PlannedAt(local, "vi"));
        Assert.Equal("01/12/2026", Dates.Day(local));
    }

    /// <summary>
    /// The patterns that wrote times the other way round ("08:15 01/12/2026", "12/01/2026" month first) or with a
    /// 12-hour clock are not used in any project of the service: people see one format.
    /// </summary>
    [Fact]
    public void No_project_of_the_service_writes_a_date_in_another_order_or_a_12_hour_time()
    {
        var src = Path.Combine(BotHarness.RepoRoot, "src");
        var findings = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains("Directive920Bot.Emulator", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (Path.GetRelativePath(src, path), i + 1, line)))
            .Where(l => OtherOrder().IsMatch(l.line))
            .Select(l => $"{l.Item1}:{l.Item2}: {l.line.Trim()}")
            .ToList();

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [GeneratedRegex("\"[^\"]*(HH:mm dd/MM|MM/dd/yyyy|hh:mm|h:mm tt)[^\"]*\"")]
    private static partial Regex OtherOrder();
}
