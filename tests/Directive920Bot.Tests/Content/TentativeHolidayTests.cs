using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Content;

/// <summary>Candidate holiday dates not yet announced: they never pause delivery, validate warns 60 days ahead, one line confirms.</summary>
public sealed class TentativeHolidayTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private const string Holidays = """
        # Units check the Government's announcement (this comment must survive a confirm).
        holidays:
          - {date: 2027-01-01, name: "Tết Dương lịch"}
          - {date: 2027-02-04, name: "Ứng viên 4/2", choice: "Tết 2027: 4/2 hoặc 11/2", tentative: true}
          - {date: 2027-02-05, name: "Tết Nguyên đán"}
          - {date: 2027-02-11, name: "Ứng viên 11/2", choice: "Tết 2027: 4/2 hoặc 11/2", tentative: true}   # candidate
        """;

    [Fact]
    public async Task Validate_warns_with_file_and_line_about_a_tentative_holiday_59_days_ahead_on_the_business_clock()
    {
        using var content = WithHolidays();
        // 2026-12-07 is 59 days before 2027-02-04; the CLI reads the harness's pinned business clock.
        await using var bot = await BotHarness.StartAsync(start: new DateTimeOffset(2026, 12, 7, 9, 0, 0, Vietnam), importDemoUnits: false);
        using var output = new StringWriter();

        var exit = await bot.RunCliAsync(output, "content", "validate", "--path", content.Root);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("holidays.yaml:4: warning: 2027-02-04 is a tentative holiday in 59 day(s) (Tết 2027: 4/2 hoặc 11/2)", text, StringComparison.Ordinal);
        Assert.Contains("(2027-02-04 or 2027-02-11)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-02-11 is a tentative holiday", text, StringComparison.Ordinal);
        Assert.Contains("0 error(s), 1 warning(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_is_silent_about_a_tentative_holiday_61_days_ahead()
    {
        using var content = WithHolidays();
        using var output = new StringWriter();

        var exit = await ContentCli.ValidateAsync(content.Root, output, new DateOnly(2026, 12, 5), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("tentative", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 error(s), 0 warning(s)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmed_holiday_59_days_ahead_is_not_warned_about()
    {
        var confirmed = new Holiday(new DateOnly(2027, 2, 4), "Tết", Tentative: false, Choice: "Tết 2027: 4/2 hoặc 11/2", File: "holidays.yaml", Line: 4);

        Assert.Empty(TentativeHolidays.Upcoming([confirmed], new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public async Task A_tentative_day_does_not_pause_lessons_while_a_confirmed_one_does()
    {
        using var content = WithHolidays();
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Content:Path"] = content.Root }, start: new DateTimeOffset(2027, 2, 1, 9, 0, 0, Vietnam), importDemoUnits: false);
        var calendar = bot.Get<WorkingCalendar>();
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 5)));
        // Wednesday's lesson is followed by Thursday's (tentative 4/2), then Friday 5/2 (confirmed) is skipped to Monday.
        Assert.Equal(new DateTimeOffset(2027, 2, 4, 8, 0, 0, Vietnam), calendar.NextRhythmSlot(new DateTimeOffset(2027, 2, 3, 8, 0, 0, Vietnam), weekdays, new TimeOnly(8, 0)));
        Assert.Equal(new DateTimeOffset(2027, 2, 8, 8, 0, 0, Vietnam), calendar.NextRhythmSlot(new DateTimeOffset(2027, 2, 4, 8, 0, 0, Vietnam), weekdays, new TimeOnly(8, 0)));
    }

    [Fact]
    public async Task Confirming_a_candidate_rewrites_its_line_keeps_comments_drops_the_other_candidate_and_silences_the_warning()
    {
        using var content = WithHolidays();
        using var output = new StringWriter();

        var exit = await TentativeHolidays.ConfirmAsync(content.Root, "2027-02-11", output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("holidays.yaml:6: confirmed 2027-02-11", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("holidays.yaml:4: removed the other candidate 2027-02-04", output.ToString(), StringComparison.Ordinal);
        var file = await File.ReadAllTextAsync(content.PathOf("holidays.yaml"));
        Assert.Equal("""
            # Units check the Government's announcement (this comment must survive a confirm).
            holidays:
              - {date: 2027-01-01, name: "Tết Dương lịch"}
              - {date: 2027-02-05, name: "Tết Nguyên đán"}
              - {date: 2027-02-11, name: "Ứng viên 11/2", choice: "Tết 2027: 4/2 hoặc 11/2"}   # candidate
            """, file);
        var loaded = content.Load();
        Assert.True(loaded.Catalog!.Curriculum.IsHoliday(new DateOnly(2027, 2, 11)));
        Assert.Empty(loaded.Diagnostics);

        using var validate = new StringWriter();
        await ContentCli.ValidateAsync(content.Root, validate, new DateOnly(2027, 1, 10), CancellationToken.None);
        Assert.Contains("0 error(s), 0 warning(s)", validate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-02-12", "holidays.yaml:4: error: '2027-02-12' is not a date listed in holidays.yaml; tentative candidates: 2027-02-04 (line 4), 2027-02-11 (line 6)")]
    [InlineData("2027-02-05", "holidays.yaml:5: error: 2027-02-05 is already a confirmed holiday")]
    public async Task Confirming_an_unknown_or_confirmed_date_fails_with_file_and_line_and_changes_nothing(string date, string expected)
    {
        using var content = WithHolidays();
        using var output = new StringWriter();

        var exit = await TentativeHolidays.ConfirmAsync(content.Root, date, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Holidays, await File.ReadAllTextAsync(content.PathOf("holidays.yaml")));
    }

    [Fact]
    public async Task A_candidate_left_tentative_after_its_choice_was_confirmed_by_hand_is_a_warning()
    {
        using var content = WithHolidays();
        await File.WriteAllTextAsync(content.PathOf("holidays.yaml"), Holidays.Replace(
            "name: \"Ứng viên 4/2\", choice: \"Tết 2027: 4/2 hoặc 11/2\", tentative: true", "name: \"Ứng viên 4/2\", choice: \"Tết 2027: 4/2 hoặc 11/2\"", StringComparison.Ordinal));

        var warning = Assert.Single(content.Load().Diagnostics);

        Assert.Equal("holidays.yaml:6: warning: 2027-02-11 is still tentative but 2027-02-04 was confirmed for 'Tết 2027: 4/2 hoặc 11/2': delete this line", warning.ToString());
    }

    [Fact]
    public void A_tentative_holiday_without_a_choice_is_an_error()
    {
        using var content = WithHolidays();
        File.WriteAllText(content.PathOf("holidays.yaml"), "holidays:\n  - {date: 2026-09-01, name: \"1/9?\", tentative: true}\n");

        var error = Assert.Single(content.Load().Errors);

        Assert.StartsWith("holidays.yaml:2: error: tentative holiday 2026-09-01 needs 'choice:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_content_is_clean_on_the_day_the_candidates_were_listed_and_names_every_tentative_tet_2027_day_from_january()
    {
        // Pinned dates, never today's: 2026-12-06 is when the candidates were added; 2027-01-10 is inside the Tết window.
        using var listed = new StringWriter();
        Assert.Equal(0, await ContentCli.ValidateAsync(ContentTestFiles.ShippedContent(), listed, new DateOnly(2026, 12, 6), CancellationToken.None));
        Assert.DoesNotContain("tentative holiday", listed.ToString(), StringComparison.Ordinal);

        var holidays = ContentLoader.Load(ContentTestFiles.ShippedContent()).Catalog!.Curriculum.Holidays;
        var january = TentativeHolidays.Upcoming(holidays, new DateOnly(2027, 1, 10));
        Assert.Equal(
            holidays.Where(h => h.Tentative && h.Date >= new DateOnly(2027, 1, 10) && h.Date < new DateOnly(2027, 3, 11)).Select(h => h.Line),
            january.Select(d => d.Line));
    }

    private static TempContent WithHolidays()
    {
        var content = new TempContent();
        File.WriteAllText(content.PathOf("holidays.yaml"), Holidays);
        return content;
    }
}
