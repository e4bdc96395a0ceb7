using System.Globalization;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

/// <summary>
/// When pushes may go out: outside the silent period (curriculum quietHours, 21:00→07:00 by default) and, if
/// configured, not on weekends or public holidays. Read from the current content on every call, so a content reload applies.
/// </summary>
public sealed class WorkingCalendar(ContentService content, BotClock clock, IOptions<DeliveryOptions> options)
{
    private const int MaxDaysAhead = 400;

    public TimeZoneInfo Zone => clock.Zone;

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = clock.ToLocal(instant);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && !InQuietHours(TimeOnly.FromDateTime(local));
    }

    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        var local = clock.ToLocal(instant);
        for (var i = 0; i < MaxDaysAhead * 3; i++)
        {
            var date = DateOnly.FromDateTime(local);
            var time = TimeOnly.FromDateTime(local);
            if (!IsWorkingDay(date))
            {
                local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
                continue;
            }

            if (!InQuietHours(time))
            {
                return i == 0 ? instant : clock.ToUtc(local);
            }

            var (start, end) = Quiet();
            local = start > end && time >= start
                ? date.AddDays(1).ToDateTime(TimeOnly.MinValue)
                : date.ToDateTime(end);
        }

        // Every day closed for more than a year: configuration nonsense; do not block sending forever.
        return instant;
    }

    /// <summary>The instant after <paramref name="workingTime"/> of open time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset from, TimeSpan workingTime)
    {
        var remaining = workingTime;
        var current = NextOpen(from);
        for (var i = 0; i < MaxDaysAhead * 3 && remaining > TimeSpan.Zero; i++)
        {
            var local = clock.ToLocal(current);
            var close = OpenUntil(local);
            var available = close - local;
            if (available >= remaining)
            {
                return clock.ToUtc(local + remaining);
            }

            remaining -= available;
            current = NextOpen(clock.ToUtc(close));
        }

        return current;
    }

    public bool IsWorkingDay(DateOnly localDate)
    {
        var curriculum = content.Current.Curriculum;
        var weekends = options.Value.QuietWeekends ?? curriculum.QuietWeekends;
        var holidays = options.Value.QuietHolidays ?? curriculum.QuietHolidays;
        if (weekends && localDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        return !holidays || !curriculum.IsHoliday(localDate);
    }

    /// <summary>The next local instant at or after <paramref name="localFrom"/> that is on <paramref name="days"/> at <paramref name="time"/> and open.</summary>
    public DateTimeOffset NextRhythmSlot(DateTimeOffset after, IReadOnlyCollection<DayOfWeek> days, TimeOnly time, bool inclusive = false)
    {
        var local = clock.ToLocal(after);
        var date = DateOnly.FromDateTime(local);
        for (var i = 0; i < MaxDaysAhead; i++, date = date.AddDays(1))
        {
            var slot = date.ToDateTime(time);
            if ((inclusive ? slot < local : slot <= local) || (days.Count > 0 && !days.Contains(date.DayOfWeek)) || !IsWorkingDay(date))
            {
                continue;
            }

            return NextOpen(clock.ToUtc(slot));
        }

        return NextOpen(after);
    }

    private bool InQuietHours(TimeOnly time)
    {
        var (start, end) = Quiet();
        if (start == end)
        {
            return false;
        }

        return start > end ? time >= start || time < end : time >= start && time < end;
    }

    /// <summary>The local instant at which the open stretch containing <paramref name="local"/> ends.</summary>
    private DateTime OpenUntil(DateTime local)
    {
        var (start, end) = Quiet();
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (start != end && time < start && (start > end || time < start))
        {
            return date.ToDateTime(start);
        }

        return date.AddDays(1).ToDateTime(TimeOnly.MinValue);
    }

    private (TimeOnly Start, TimeOnly End) Quiet()
    {
        var curriculum = content.Current.Curriculum;
        var o = options.Value;
        var start = o.QuietStart is { } s ? TimeOnly.Parse(s, CultureInfo.InvariantCulture) : curriculum.QuietStart;
        var end = o.QuietEnd is { } e ? TimeOnly.Parse(e, CultureInfo.InvariantCulture) : curriculum.QuietEnd;
        return (start, end);
    }
}
