using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;

namespace Directive920Bot.WebConsole;

/// <summary>The overview of an admin's scope, from the report services only (the maintained counters, never people).</summary>
public sealed class ConsoleOverview(ReportService reports, ReportCounters counters, IUnits units, Hosting.BotClock clock)
{
    public const int Weeks = 8;
    private const int Top = 5;

    public OverviewModel For(AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var visible = grant.VisibleUnits(units);
        var all = reports.Units(visible);
        var visibleSet = visible.ToHashSet(StringComparer.Ordinal);
        // The tops of the scope: rolled up, they hold every figure once.
        var roots = all.Where(u => u.ParentCode is null || !visibleSet.Contains(u.ParentCode)).ToList();
        var items = roots.SelectMany(r => r.Items).GroupBy(i => i.ItemId, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                Delivered = g.Sum(i => i.Delivered),
                OnTime = g.Sum(i => i.OnTime),
                Late = g.Sum(i => i.Late),
                AckRate = UnitReport.Ratio(g.Sum(i => i.Acknowledged), g.Sum(i => i.Delivered)),
            })
            .ToList();
        var totals = new UnitReport("*", "", 0, null,
            roots.Sum(r => r.Roster), roots.Sum(r => r.Registered), roots.Sum(r => r.Active), roots.Sum(r => r.Blocked), roots.Sum(r => r.Stopped),
            roots.Sum(r => r.QuizParticipants), roots.Sum(r => r.Delivered), roots.Sum(r => r.Acknowledged), items, 0,
            roots.Sum(r => r.TelegramOnly), roots.Sum(r => r.ZaloOnly), roots.Sum(r => r.BothChannels));
        var rootDepth = roots.Count == 0 ? 0 : roots.Min(r => r.Depth);
        var lagging = all.Where(u => u.Depth == rootDepth + 1 && (u.Roster > 0 || u.Registered > 0))
            .OrderBy(u => u.AckRateRoster ?? 0).ThenBy(u => u.RegisteredRate ?? 0).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Take(Top).ToList();
        var weakLessons = items.Where(i => i.Delivered > 0).OrderBy(i => i.AckRate ?? 0).ThenBy(i => i.ItemId, StringComparer.Ordinal).Take(Top).ToList();
        var weakQuestions = reports.Questions(visible).Where(q => q.Answered > 0).OrderBy(q => q.Accuracy ?? 0).ThenBy(q => q.QuestionId, StringComparer.Ordinal).Take(Top).ToList();
        return new OverviewModel(totals, Trend(units.SubTreeCodes([.. roots.Select(r => r.Code)])), lagging, weakLessons, weakQuestions);
    }

    /// <summary>
    /// The acknowledgement rate of each of the last <see cref="Weeks"/> weeks (Monday to Sunday, this one so far): what
    /// was delivered in the week and how much of it has been acknowledged by now, from the per-unit, per-day counters
    /// (<see cref="UnitDayCounter"/>; a late acknowledgement counts for the week of its delivery).
    /// </summary>
    private List<TrendPoint> Trend(IReadOnlyCollection<string> scope)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (Weeks - 1));
        var delivered = new int[Weeks];
        var acknowledged = new int[Weeks];
        if (scope.Count > 0)
        {
            foreach (var day in counters.DaysIn(scope, first, today))
            {
                var date = DateOnly.ParseExact(day.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var week = (date.DayNumber - first.DayNumber) / 7;
                delivered[week] += day.Delivered;
                acknowledged[week] += day.Acknowledged;
            }
        }

        return [.. Enumerable.Range(0, Weeks).Select(w => new TrendPoint(first.AddDays(7 * w).ToString("dd/MM", CultureInfo.InvariantCulture),
            delivered[w], UnitReport.Ratio(acknowledged[w], delivered[w])))];
    }
}

public sealed record TrendPoint(string Label, int Delivered, double? Rate);

public sealed record OverviewModel(UnitReport Totals, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<UnitReport> Lagging,
    IReadOnlyList<ItemFigures> WeakLessons, IReadOnlyList<QuestionFigures> WeakQuestions);
