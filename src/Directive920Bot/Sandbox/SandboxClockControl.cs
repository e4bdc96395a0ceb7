using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Quartz;

namespace Directive920Bot.Sandbox;

/// <summary>The clock buttons: move the sandbox clock, then run the periodic jobs at once so effects show within seconds.</summary>
public sealed class SandboxClockControl(SandboxClock clock, BotClock botClock, ContentService content, DeliveryLedger ledger, IEscalations watches, IServiceProvider services, ILogger<SandboxClockControl> logger)
{
    /// <summary>On a fresh sandbox: start at <paramref name="startAt"/> or, when now is silent (night, weekend, holiday), at the next lesson time.</summary>
    public void InitialiseFreshClock(DateTimeOffset? startAt)
    {
        if (!clock.IsFresh)
        {
            return;
        }

        if (startAt is { } fixedStart)
        {
            // A fixed start may lie in the past; only this once is the offset allowed to be negative.
            clock.StartAt(fixedStart);
            return;
        }

        if (IsSilent(botClock.LocalNow))
        {
            clock.AdvanceTo(NextRhythmTime());
        }
        else
        {
            clock.Advance(TimeSpan.Zero);
        }
    }

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        var now = clock.Advance(by);
        await RunPeriodicJobsAsync(ct);
        return now;
    }

    /// <summary>The next thing that will happen: a due delivery, a reminder coming due, or the next lesson time.</summary>
    public async Task<DateTimeOffset> AdvanceToNextEventAsync(CancellationToken ct)
    {
        var now = clock.AdvanceTo(NextEvent());
        await RunPeriodicJobsAsync(ct);
        return now;
    }

    public DateTimeOffset NextEvent()
    {
        var now = clock.GetUtcNow();
        var candidates = new List<DateTimeOffset> { NextRhythmTime() };
        if (ledger.NextDueAt() is { } due)
        {
            candidates.Add(Utc(due));
        }

        // A reminder exists as a watch until its time comes; only then is a ledger row written.
        candidates.AddRange(watches.DueWatches(DateTime.MaxValue).Select(w => Utc(w.NextAt)));
        return candidates.Where(c => c > now).DefaultIfEmpty(candidates[0]).Min();
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>The next rhythm day and time of the curriculum (e.g. Mon–Fri 08:00 in Bot:TimeZone), skipping holidays.</summary>
    public DateTimeOffset NextRhythmTime()
    {
        var curriculum = content.Current.Curriculum;
        var local = botClock.LocalNow;
        for (var day = 0; day < 60; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            var at = date.ToDateTime(curriculum.Time);
            if (at <= local || !curriculum.Days.Contains(date.DayOfWeek) || (curriculum.QuietHolidays && curriculum.IsHoliday(date)))
            {
                continue;
            }

            return botClock.ToUtc(at);
        }

        return clock.GetUtcNow().AddDays(1);
    }

    private bool IsSilent(DateTime local)
    {
        var c = content.Current.Curriculum;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var night = c.QuietStart > c.QuietEnd ? time >= c.QuietStart || time < c.QuietEnd : time >= c.QuietStart && time < c.QuietEnd;
        var weekend = c.QuietWeekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var holiday = c.QuietHolidays && c.IsHoliday(date);
        return night || weekend || holiday;
    }

    /// <summary>Fires every Quartz job now (delivery tick, reminders, digests…), whichever features registered them.</summary>
    private async Task RunPeriodicJobsAsync(CancellationToken ct)
    {
        // The dispatcher sleeps until the next due row on real time; wake it to look at the moved clock.
        ledger.Queue.Signal();
        if (services.GetService(typeof(ISchedulerFactory)) is not ISchedulerFactory factory)
        {
            return;
        }

        foreach (var scheduler in await factory.GetAllSchedulers(ct))
        {
            foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct))
            {
                try
                {
                    await scheduler.TriggerJob(key, ct);
                }
                catch (Exception error) when (error is SchedulerException or InvalidOperationException)
                {
                    logger.LogWarning(error, "Sandbox: could not trigger job {Job}", key);
                }
            }
        }
    }
}
