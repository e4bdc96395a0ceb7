namespace Directive920Bot.Content;

/// <summary>
/// Delivery settings from curriculum.yaml. Quiet hours are the period when the bot stays silent:
/// from <see cref="QuietStart"/> to <see cref="QuietEnd"/>, wrapping past midnight when start &gt; end.
/// </summary>
public sealed record Curriculum(
    IReadOnlyList<string> Track,
    IReadOnlyList<DayOfWeek> Days,
    TimeOnly Time,
    string QuizAfter,
    string QuizMode,
    bool RequireQuizBeforeAck,
    int ReminderAfterWorkingHours,
    int MaxReminders,
    IReadOnlyList<int> ReviewIntervalsDays,
    DayOfWeek WeeklyReviewDay,
    TimeOnly WeeklyReviewTime,
    int WeeklyReviewQuestions,
    TimeOnly QuietStart,
    TimeOnly QuietEnd,
    bool QuietWeekends,
    bool QuietHolidays,
    IReadOnlyList<Holiday> Holidays)
{
    /// <summary>Whether <paramref name="date"/> is a confirmed holiday (a tentative candidate never pauses delivery).</summary>
    public bool IsHoliday(DateOnly date) => Holidays.Any(h => h.Date == date && h.Pauses);
}
