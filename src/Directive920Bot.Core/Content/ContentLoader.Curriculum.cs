using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Directive920Bot.Content;

/// <summary>The curriculum (tracks, rhythm, quiet hours, reminders) and the holiday calendar.</summary>
public static partial class ContentLoader
{
    private sealed record CurriculumResult(Curriculum Curriculum, bool TrackGiven, IReadOnlyList<(string Id, int Line)> TrackLines);

    private static readonly Curriculum Defaults = new(
        Track: [],
        Days: [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Time: new TimeOnly(8, 0),
        QuizAfter: "acknowledgement",
        QuizMode: "inline",
        RequireQuizBeforeAck: false,
        ReminderAfterWorkingHours: 24,
        MaxReminders: 2,
        ReviewIntervalsDays: [1, 3, 7],
        WeeklyReviewDay: DayOfWeek.Friday,
        WeeklyReviewTime: new TimeOnly(15, 0),
        WeeklyReviewQuestions: 5,
        QuietStart: new TimeOnly(21, 0),
        QuietEnd: new TimeOnly(7, 0),
        QuietWeekends: true,
        QuietHolidays: true,
        Holidays: []);

    private static CurriculumResult LoadCurriculum(string root, DiagnosticBag bag)
    {
        var path = Path.Combine(root, CurriculumFile);
        if (!File.Exists(path))
        {
            bag.Error(CurriculumFile, 0, "missing curriculum.yaml: it sets the track, rhythm, quiz and reminder settings");
            return new CurriculumResult(Defaults, false, []);
        }

        var yaml = new YamlSource(CurriculumFile, 0, bag);
        var map = yaml.ParseMapping(ReadNormalized(path), 1);
        if (map is null)
        {
            return new CurriculumResult(Defaults, false, []);
        }

        yaml.WarnUnknownKeys(map, ["track", "rhythm", "quiz", "reminders", "review", "quietHours", "holidays"], CurriculumFile);
        var c = Defaults;

        var trackSeq = yaml.Sequence(map, "track", required: false);
        var trackLines = new List<(string, int)>();
        foreach (var node in trackSeq?.Children ?? [])
        {
            if (yaml.Text(node, "track") is { } id)
            {
                trackLines.Add((id, yaml.Line(node)));
            }
        }

        c = c with { Track = [.. trackLines.Select(t => t.Item1)] };

        if (yaml.Mapping(map, "rhythm") is { } rhythm)
        {
            yaml.WarnUnknownKeys(rhythm, ["days", "time"], "rhythm");
            if (yaml.Sequence(rhythm, "days", required: false) is { } days)
            {
                var list = days.Children.Select(d => yaml.Day(d, "days")).OfType<DayOfWeek>().Distinct().ToList();
                if (days.Children.Count == 0)
                {
                    bag.Error(CurriculumFile, yaml.Line(days), "'days' needs at least one day");
                }

                c = c with { Days = list };
            }

            c = c with { Time = yaml.Time(rhythm, "time") ?? c.Time };
        }

        if (yaml.Mapping(map, "quiz") is { } quiz)
        {
            yaml.WarnUnknownKeys(quiz, ["after", "mode", "requireQuizBeforeAck"], "quiz");
            c = c with
            {
                QuizAfter = yaml.OneOf(quiz, "after", false, "acknowledgement", "delivery") ?? c.QuizAfter,
                QuizMode = yaml.OneOf(quiz, "mode", false, "inline", "poll") ?? c.QuizMode,
                RequireQuizBeforeAck = yaml.Bool(quiz, "requireQuizBeforeAck") ?? c.RequireQuizBeforeAck,
            };
        }

        if (yaml.Mapping(map, "reminders") is { } reminders)
        {
            yaml.WarnUnknownKeys(reminders, ["afterWorkingHours", "max"], "reminders");
            c = c with
            {
                ReminderAfterWorkingHours = yaml.Int(reminders, "afterWorkingHours", false, 1) ?? c.ReminderAfterWorkingHours,
                MaxReminders = yaml.Int(reminders, "max", false, 0) ?? c.MaxReminders,
            };
        }

        if (yaml.Mapping(map, "review") is { } review)
        {
            yaml.WarnUnknownKeys(review, ["intervalsDays", "weekly"], "review");
            if (yaml.Sequence(review, "intervalsDays", required: false) is { } intervals)
            {
                c = c with { ReviewIntervalsDays = [.. intervals.Children.Select(n => yaml.Int(n, "intervalsDays", 1)).OfType<int>().Order()] };
            }

            if (yaml.Mapping(review, "weekly") is { } weekly)
            {
                yaml.WarnUnknownKeys(weekly, ["day", "time", "questions"], "review.weekly");
                var dayNode = YamlSource.Get(weekly, "day");
                c = c with
                {
                    WeeklyReviewDay = (dayNode is null ? null : yaml.Day(dayNode, "day")) ?? c.WeeklyReviewDay,
                    WeeklyReviewTime = yaml.Time(weekly, "time") ?? c.WeeklyReviewTime,
                    WeeklyReviewQuestions = yaml.Int(weekly, "questions", false, 0) ?? c.WeeklyReviewQuestions,
                };
            }
        }

        if (yaml.Mapping(map, "quietHours") is { } quiet)
        {
            yaml.WarnUnknownKeys(quiet, ["start", "end", "weekends", "holidays"], "quietHours");
            c = c with
            {
                QuietStart = yaml.Time(quiet, "start") ?? c.QuietStart,
                QuietEnd = yaml.Time(quiet, "end") ?? c.QuietEnd,
                QuietWeekends = yaml.Bool(quiet, "weekends") ?? c.QuietWeekends,
                QuietHolidays = yaml.Bool(quiet, "holidays") ?? c.QuietHolidays,
            };

            // Quiet hours are when the bot is SILENT; a 14-hour "quiet" day usually means start/end were swapped.
            var span = c.QuietEnd - c.QuietStart;
            if (span > TimeSpan.FromHours(12))
            {
                bag.Warning(CurriculumFile, yaml.Line(quiet),
                    $"quiet hours {c.QuietStart:HH\\:mm}–{c.QuietEnd:HH\\:mm} keep the bot silent for {span.TotalHours:0.#} hours a day; "
                    + $"quietHours is the silent period — did you mean start: \"{c.QuietEnd:HH\\:mm}\", end: \"{c.QuietStart:HH\\:mm}\"?");
            }
        }

        var holidaysNode = YamlSource.Get(map, "holidays");
        var holidaysFile = holidaysNode is null ? "holidays.yaml" : yaml.Text(holidaysNode, "holidays");
        if (holidaysFile is not null)
        {
            var holidaysPath = Path.Combine(root, holidaysFile);
            if (File.Exists(holidaysPath))
            {
                c = c with { Holidays = LoadHolidays(holidaysPath, holidaysFile.Replace('\\', '/'), bag) };
            }
            else if (holidaysNode is not null)
            {
                bag.Error(CurriculumFile, yaml.Line(holidaysNode), $"holidays file '{holidaysFile}' does not exist");
            }
        }

        return new CurriculumResult(c, trackSeq is not null, trackLines);
    }

    private static List<Holiday> LoadHolidays(string path, string file, DiagnosticBag bag)
    {
        var result = new List<Holiday>();
        var yaml = new YamlSource(file, 0, bag);
        var map = yaml.ParseMapping(ReadNormalized(path), 1);
        if (map is null)
        {
            return result;
        }

        yaml.WarnUnknownKeys(map, ["holidays"], file);
        foreach (var node in yaml.Sequence(map, "holidays", required: true)?.Children ?? [])
        {
            if (node is not YamlMappingNode entry)
            {
                bag.Error(file, yaml.Line(node), "each holiday must be {date: 2027-01-01, name: ...}");
                continue;
            }

            yaml.WarnUnknownKeys(entry, ["date", "name", "tentative", "choice"], "a holiday");
            var dateText = yaml.String(entry, "date", required: true);
            var name = yaml.String(entry, "name", required: true);
            if (dateText is null || name is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                bag.Error(file, yaml.Line(YamlSource.Get(entry, "date")!), $"'date' must look like 2027-01-01, got '{dateText}'");
                continue;
            }

            if (result.Exists(h => h.Date == date))
            {
                bag.Warning(file, yaml.Line(entry), $"{dateText} is listed twice");
                continue;
            }

            // A candidate date must say which decision it is a candidate for, or the warning could not name the choice.
            var tentative = yaml.Bool(entry, "tentative") ?? false;
            var choice = yaml.String(entry, "choice", required: false);
            if (tentative && string.IsNullOrWhiteSpace(choice))
            {
                bag.Error(file, yaml.Line(entry), $"tentative holiday {dateText} needs 'choice: \"…\"' naming what it is a candidate for (e.g. \"Quốc khánh 2026: 1/9 hoặc 3/9\")");
            }

            result.Add(new Holiday(date, name, tentative, choice, file, yaml.Line(entry)));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        TentativeHolidays.CheckDecided(result, bag);
        return result;
    }
}
