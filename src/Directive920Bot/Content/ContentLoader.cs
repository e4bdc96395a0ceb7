using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace Directive920Bot.Content;

/// <summary>
/// Reads and validates a content folder (format: content/README.md). Never throws on bad content:
/// every problem becomes a <see cref="ContentDiagnostic"/> with the real file line, and the
/// catalogue is only built when there are no errors.
/// </summary>
public static partial class ContentLoader
{
    // Telegram's quiz-poll limits (Bot API sendPoll), so a question works in both quiz modes.
    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MaxExplanationLength = 200;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;

    /// <summary>Above this many visible characters a lesson no longer fits about one phone screen (warning).</summary>
    public const int LongTextWarning = 1200;

    public static readonly IReadOnlyList<string> Languages = ["vi", "en"];

    private const string ClausesFile = "clauses.yaml";
    private const string CurriculumFile = "curriculum.yaml";
    private const string LessonsFolder = "lessons";
    private const string AnnouncementsFolder = "announcements";

    private static readonly string[] FrontMatterKeys = ["id", "kind", "order", "clauses", "audience", "title", "minutes", "requireAck", "reminder", "quiz"];
    private static readonly string[] QuestionKeys = ["id", "question", "options", "correct", "explanation"];

    public static ContentLoadResult Load(string rootPath)
    {
        ArgumentNullException.ThrowIfNull(rootPath);
        var bag = new DiagnosticBag();
        try
        {
            return LoadCore(Path.GetFullPath(rootPath), bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file being saved by an editor can be locked for a moment; report, don't crash the watcher.
            bag.Error(".", 0, $"cannot read the content folder: {ex.Message}");
            return new ContentLoadResult(null, bag.Sorted());
        }
    }

    private static ContentLoadResult LoadCore(string root, DiagnosticBag bag)
    {
        if (!Directory.Exists(root))
        {
            bag.Error(".", 0, $"content folder '{root}' does not exist");
            return new ContentLoadResult(null, bag.Sorted());
        }

        var clauses = LoadClauses(root, bag);
        var clauseIds = clauses.Select(c => c.Clause.Id).ToHashSet(StringComparer.Ordinal);
        var curriculum = LoadCurriculum(root, bag);

        var variants = new List<Variant>();
        var pairs = new List<(Variant Vi, Variant En)>();
        foreach (var folder in new[] { LessonsFolder, AnnouncementsFolder })
        {
            var byLanguage = Languages.ToDictionary(
                l => l,
                l => ReadFolder(root, folder, l, clauseIds, curriculum.Curriculum.QuizMode, bag),
                StringComparer.Ordinal);
            variants.AddRange(byLanguage.Values.SelectMany(v => v.Values));
            WarnUnknownLanguageFolders(root, folder, bag);
            pairs.AddRange(Pair(folder, byLanguage["vi"], byLanguage["en"], bag));
        }

        CheckDuplicateIds(variants, bag);
        var vis = pairs.Select(p => p.Vi).ToList();
        CheckTrack(curriculum, vis, bag);
        CheckCoverage(clauses, vis, bag);

        if (bag.HasErrors)
        {
            return new ContentLoadResult(null, bag.Sorted());
        }

        var items = pairs.Select(p => BuildItem(p.Vi, p.En)).ToList();
        var lessons = items.Where(i => i.Kind != ItemKind.Announcement).OrderBy(i => i.Order).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var announcements = items.Where(i => i.Kind == ItemKind.Announcement).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var track = curriculum.TrackGiven
            ? curriculum.Curriculum.Track.Select(id => lessons.First(l => l.Id == id)).ToList()
            : lessons;
        var trackIds = track.Select(t => t.Id).ToList();
        var diagnostics = bag.Sorted();
        var catalog = new ContentCatalog(
            [.. lessons, .. announcements],
            track,
            announcements,
            [.. clauses.Select(c => c.Clause)],
            curriculum.Curriculum with { Track = trackIds },
            diagnostics);
        return new ContentLoadResult(catalog, diagnostics);
    }

    // ---------------------------------------------------------------- clauses.yaml

    private static List<(Clause Clause, int Line)> LoadClauses(string root, DiagnosticBag bag)
    {
        var result = new List<(Clause, int)>();
        var path = Path.Combine(root, ClausesFile);
        if (!File.Exists(path))
        {
            bag.Error(ClausesFile, 0, "missing clauses.yaml: it lists the clause ids lessons may use");
            return result;
        }

        var yaml = new YamlSource(ClausesFile, 0, bag);
        var map = yaml.ParseMapping(ReadNormalized(path), 1);
        if (map is null)
        {
            return result;
        }

        yaml.WarnUnknownKeys(map, ["clauses"], ClausesFile);
        var seq = yaml.Sequence(map, "clauses", required: true);
        foreach (var node in seq?.Children ?? [])
        {
            if (node is not YamlMappingNode entry)
            {
                bag.Error(ClausesFile, yaml.Line(node), "each clause must be {id, audience, vi, en}");
                continue;
            }

            yaml.WarnUnknownKeys(entry, ["id", "audience", "vi", "en"], "a clause");
            var id = yaml.String(entry, "id", required: true);
            var audience = yaml.OneOf(entry, "audience", true, "all", "leaders", "staff", "agencies");
            var vi = yaml.String(entry, "vi", required: true);
            var en = yaml.String(entry, "en", required: true);
            if (id is null || audience is null || vi is null || en is null)
            {
                continue;
            }

            if (result.Exists(c => c.Item1.Id == id))
            {
                bag.Error(ClausesFile, yaml.Line(entry), $"duplicate clause id '{id}'");
                continue;
            }

            result.Add((new Clause(id, audience, vi, en), yaml.Line(entry)));
        }

        return result;
    }

    // ---------------------------------------------------------------- curriculum.yaml + holidays.yaml

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

            yaml.WarnUnknownKeys(entry, ["date", "name"], "a holiday");
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

            result.Add(new Holiday(date, name));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    // ---------------------------------------------------------------- lessons and announcements

    private sealed record Question(
        string Id, int Line, string Text, IReadOnlyList<string> Options, int OptionsLine, IReadOnlyList<int> Correct, string Explanation, IReadOnlyList<string> Cited);

    /// <summary>One language file as read; fields are null where the file was wrong (there is then an error).</summary>
    private sealed class Variant
    {
        public required string File { get; init; }

        public required string Language { get; init; }

        public required string Source { get; init; }

        public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);

        public int MapLine { get; set; } = 1;

        public string? Id { get; set; }

        public ItemKind? Kind { get; set; }

        public int? Order { get; set; }

        public List<string> Clauses { get; } = [];

        public Audience? Audience { get; set; }

        public string? Title { get; set; }

        public int? Minutes { get; set; }

        public bool RequireAck { get; set; } = true;

        public string? Reminder { get; set; }

        public List<Question> Quiz { get; } = [];

        public string Html { get; set; } = string.Empty;

        public int LineOf(string key) => KeyLines.GetValueOrDefault(key, MapLine);
    }

    private static Dictionary<string, Variant> ReadFolder(string root, string folder, string language, HashSet<string> clauseIds, string quizMode, DiagnosticBag bag)
    {
        var result = new Dictionary<string, Variant>(StringComparer.Ordinal);
        var dir = Path.Combine(root, folder, language);
        if (!Directory.Exists(dir))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            var file = $"{folder}/{language}/{Path.GetFileName(path)}";
            if (ReadVariant(path, file, language, folder, clauseIds, quizMode, bag) is { } variant)
            {
                result[Path.GetFileName(path)] = variant;
            }
        }

        return result;
    }

    private static void WarnUnknownLanguageFolders(string root, string folder, DiagnosticBag bag)
    {
        var dir = Path.Combine(root, folder);
        if (!Directory.Exists(dir))
        {
            return;
        }

        foreach (var sub in Directory.EnumerateDirectories(dir).Select(Path.GetFileName).Where(n => !Languages.Contains(n!)))
        {
            bag.Warning($"{folder}/{sub}", 0, $"unknown language folder '{sub}' is ignored (languages: {string.Join(", ", Languages)})");
        }

        foreach (var stray in Directory.EnumerateFiles(dir, "*.md"))
        {
            bag.Warning($"{folder}/{Path.GetFileName(stray)}", 0, $"ignored: put it in {folder}/vi/ or {folder}/en/");
        }
    }

    private static Variant? ReadVariant(string path, string file, string language, string folder, HashSet<string> clauseIds, string quizMode, DiagnosticBag bag)
    {
        var source = ReadNormalized(path);
        var lines = source.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            bag.Error(file, 1, "the file must start with a '---' line, then the front matter (id, title, …), then another '---' line");
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            bag.Error(file, 1, "the front matter is not closed: add a '---' line after it");
            return null;
        }

        var v = new Variant { File = file, Language = language, Source = source };

        // Front matter YAML starts on file line 2.
        var yaml = new YamlSource(file, 1, bag);
        var map = yaml.ParseMapping(string.Join('\n', lines[1..close]), 1);
        var bodyLine = close + 2;
        var body = string.Join('\n', lines[(close + 1)..]);
        if (map is not null)
        {
            ReadFrontMatter(yaml, map, v, folder, clauseIds, quizMode);
        }

        var document = Markdown.Parse(body, TelegramHtml.Pipeline);
        CheckMarkdown(document, file, bodyLine, bag);
        if (string.IsNullOrWhiteSpace(body))
        {
            bag.Error(file, bodyLine, "the text after the front matter is empty");
        }

        v.Html = $"<b>{TelegramHtml.Escape(v.Title ?? string.Empty)}</b>\n\n{TelegramHtml.Render(document)}";
        var length = TelegramHtml.VisibleLength(v.Html);
        if (length > TelegramHtml.MaxMessageLength)
        {
            bag.Error(file, bodyLine, $"the rendered text is {length} characters; Telegram allows {TelegramHtml.MaxMessageLength} in one message — shorten it or split it into two lessons");
        }
        else if (length > LongTextWarning)
        {
            bag.Warning(file, bodyLine, $"the rendered text is {length} characters; over {LongTextWarning} it no longer fits about one phone screen");
        }

        return v;
    }

    private static void ReadFrontMatter(YamlSource yaml, YamlMappingNode map, Variant v, string folder, HashSet<string> clauseIds, string quizMode)
    {
        var bag = yaml.Diagnostics;
        var file = yaml.File;
        v.MapLine = yaml.Line(map);
        foreach (var (key, _) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                v.KeyLines[name] = yaml.Line(key);
            }
        }

        yaml.WarnUnknownKeys(map, FrontMatterKeys, "the front matter");

        v.Id = yaml.String(map, "id", required: true);
        if (v.Id is not null && !SlugRegex().IsMatch(v.Id))
        {
            bag.Error(file, v.LineOf("id"), $"'id' may use only a-z, 0-9 and '-', got '{v.Id}'");
        }

        var isAnnouncementFolder = folder == AnnouncementsFolder;
        var kindText = yaml.OneOf(map, "kind", false, "lesson", "card", "announcement") ?? (isAnnouncementFolder ? "announcement" : "lesson");
        v.Kind = kindText switch { "card" => ItemKind.Card, "announcement" => ItemKind.Announcement, _ => ItemKind.Lesson };
        if ((v.Kind == ItemKind.Announcement) != isAnnouncementFolder)
        {
            bag.Error(file, v.LineOf("kind"), isAnnouncementFolder
                ? $"files in {AnnouncementsFolder}/ must have kind: announcement"
                : $"kind: announcement belongs in {AnnouncementsFolder}/, not {LessonsFolder}/");
        }

        v.Order = yaml.Int(map, "order", required: v.Kind != ItemKind.Announcement, min: 0) ?? (v.Kind == ItemKind.Announcement ? 0 : null);

        if (yaml.Sequence(map, "clauses", required: true) is { } clauses)
        {
            if (clauses.Children.Count == 0)
            {
                bag.Error(file, yaml.Line(clauses), "'clauses' needs at least one clause id, e.g. [L2]");
            }

            foreach (var node in clauses.Children)
            {
                if (yaml.Text(node, "clauses") is not { } id)
                {
                    continue;
                }

                if (!clauseIds.Contains(id))
                {
                    bag.Error(file, yaml.Line(node), $"unknown clause id '{id}' (clauses.yaml has: {string.Join(", ", clauseIds.Order(StringComparer.Ordinal))})");
                }

                v.Clauses.Add(id);
            }
        }

        v.Audience = yaml.OneOf(map, "audience", true, "all", "leaders", "staff") switch
        {
            "all" => Content.Audience.All,
            "leaders" => Content.Audience.Leaders,
            "staff" => Content.Audience.Staff,
            _ => null,
        };
        v.Title = yaml.String(map, "title", required: true);
        v.Minutes = yaml.Int(map, "minutes", required: true, min: 1);
        v.RequireAck = yaml.Bool(map, "requireAck") ?? true;
        v.Reminder = yaml.String(map, "reminder", required: false);

        var quiz = yaml.Sequence(map, "quiz", required: false);
        var count = quiz?.Children.Count ?? 0;
        if (v.Kind == ItemKind.Lesson && count == 0)
        {
            bag.Error(file, v.LineOf("quiz"), "a lesson needs at least one quiz question ('quiz:' list)");
        }
        else if (v.Kind == ItemKind.Announcement && count > 0)
        {
            bag.Error(file, v.LineOf("quiz"), "announcements have no quiz");
        }

        foreach (var node in quiz?.Children ?? [])
        {
            if (ReadQuestion(yaml, node, v, clauseIds, quizMode) is { } question)
            {
                v.Quiz.Add(question);
            }
        }
    }

    private static Question? ReadQuestion(YamlSource yaml, YamlNode node, Variant v, HashSet<string> clauseIds, string quizMode)
    {
        var bag = yaml.Diagnostics;
        var file = yaml.File;
        if (node is not YamlMappingNode q)
        {
            bag.Error(file, yaml.Line(node), "each quiz question must be {id, question, options, correct, explanation}");
            return null;
        }

        var line = yaml.Line(q);
        yaml.WarnUnknownKeys(q, QuestionKeys, "a quiz question");
        var id = yaml.String(q, "id", required: true);
        if (id is not null && !SlugRegex().IsMatch(id))
        {
            bag.Error(file, line, $"quiz 'id' may use only a-z, 0-9 and '-', got '{id}'");
        }
        else if (id is not null && v.Quiz.Exists(x => x.Id == id))
        {
            bag.Error(file, line, $"duplicate quiz id '{id}'");
        }

        var text = yaml.String(q, "question", required: true);
        if (text is not null && text.Length > MaxQuestionLength)
        {
            bag.Error(file, yaml.Line(YamlSource.Get(q, "question")!), $"the question is {text.Length} characters; Telegram polls allow {MaxQuestionLength}");
        }

        var options = new List<string>();
        var optionsNode = yaml.Sequence(q, "options", required: true);
        var optionsLine = optionsNode is null ? line : yaml.Line(optionsNode);
        if (optionsNode is not null)
        {
            if (optionsNode.Children.Count is < MinOptions or > MaxOptions)
            {
                bag.Error(file, optionsLine, $"a question needs {MinOptions}–{MaxOptions} options, got {optionsNode.Children.Count}");
            }

            foreach (var optionNode in optionsNode.Children)
            {
                var option = yaml.Text(optionNode, "options") ?? string.Empty;
                if (option.Length > MaxOptionLength)
                {
                    bag.Error(file, yaml.Line(optionNode), $"the option is {option.Length} characters; Telegram polls allow {MaxOptionLength}");
                }
                else if (string.IsNullOrWhiteSpace(option))
                {
                    bag.Error(file, yaml.Line(optionNode), "the option is empty");
                }

                options.Add(option);
            }
        }

        var correct = ReadCorrect(yaml, q, line, options.Count);
        if (quizMode == "poll" && correct.Count > 1)
        {
            bag.Error(file, yaml.Line(YamlSource.Get(q, "correct")!), "quiz.mode is poll, and a Telegram quiz poll takes exactly one correct answer");
        }

        var explanation = yaml.String(q, "explanation", required: true);
        var cited = new List<string>();
        if (explanation is not null)
        {
            var explanationLine = yaml.Line(YamlSource.Get(q, "explanation")!);
            if (explanation.Length > MaxExplanationLength)
            {
                bag.Error(file, explanationLine, $"the explanation is {explanation.Length} characters; Telegram allows {MaxExplanationLength}");
            }

            var named = ClauseTokenRegex().Matches(explanation).Select(m => m.Value).Distinct().ToList();
            cited.AddRange(named.Where(clauseIds.Contains));
            foreach (var unknown in named.Where(n => !clauseIds.Contains(n)))
            {
                bag.Error(file, explanationLine, $"the explanation names unknown clause id '{unknown}'");
            }

            if (named.Count == 0)
            {
                bag.Error(file, explanationLine, "the explanation must name the clause it comes from, e.g. \"(L2)\"");
            }

            foreach (var other in cited.Where(c => !v.Clauses.Contains(c)))
            {
                bag.Warning(file, explanationLine, $"the explanation cites {other}, which is not in this file's 'clauses'");
            }
        }

        return id is null || text is null || explanation is null
            ? null
            : new Question(id, line, text, options, optionsLine, correct, explanation, cited);
    }

    /// <summary>Reads 1-based "correct" (a list, or one number) and returns 0-based indexes.</summary>
    private static List<int> ReadCorrect(YamlSource yaml, YamlMappingNode q, int questionLine, int optionCount)
    {
        var bag = yaml.Diagnostics;
        var node = YamlSource.Get(q, "correct");
        var values = node switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.ToList(),
            _ => [node],
        };
        var line = node is null ? questionLine : yaml.Line(node);
        if (values.Count == 0)
        {
            bag.Error(yaml.File, line, "the question has no correct answer: add e.g. 'correct: [1]' (options count from 1)");
        }

        var result = new List<int>();
        foreach (var valueNode in values)
        {
            if (yaml.Int(valueNode, "correct", 1) is not { } value)
            {
                continue;
            }

            if (value > optionCount)
            {
                bag.Error(yaml.File, yaml.Line(valueNode), $"correct answer {value} is out of range: the options are numbered 1–{optionCount}");
            }
            else if (result.Contains(value - 1))
            {
                bag.Error(yaml.File, yaml.Line(valueNode), $"correct answer {value} is listed twice");
            }
            else
            {
                result.Add(value - 1);
            }
        }

        return result;
    }

    private static void CheckMarkdown(MarkdownDocument document, string file, int bodyLine, DiagnosticBag bag)
    {
        const string NoHtml = "raw HTML cannot be used; write Markdown: **bold**, *italic*, ++underline++, [text](https://…)";
        foreach (var node in document.Descendants())
        {
            var line = node.Line + bodyLine;
            switch (node)
            {
                case Table:
                    bag.Error(file, line, "tables cannot be shown in Telegram; use a list instead");
                    break;
                case HtmlBlock:
                case HtmlInline:
                    bag.Error(file, line, NoHtml);
                    break;
                case HeadingBlock { Level: > 3 } heading:
                    bag.Warning(file, line, $"heading level {heading.Level}: Telegram shows every heading as a bold line; use #, ## or ###");
                    break;
                case LinkInline { IsImage: true }:
                    bag.Error(file, line, "images cannot be shown in a Telegram text message; remove the image");
                    break;
                case LinkInline link when !TelegramHtml.IsAllowedUrl(link.Url):
                    bag.Error(file, line, $"only http:// and https:// links are allowed, got '{link.Url}'");
                    break;
                case AutolinkInline autolink when autolink.IsEmail || !TelegramHtml.IsAllowedUrl(autolink.Url):
                    bag.Error(file, line, $"only http:// and https:// links are allowed, got '{autolink.Url}'");
                    break;
            }
        }
    }

    private static IEnumerable<(Variant Vi, Variant En)> Pair(string folder, Dictionary<string, Variant> vi, Dictionary<string, Variant> en, DiagnosticBag bag)
    {
        foreach (var name in vi.Keys.Union(en.Keys).Order(StringComparer.Ordinal))
        {
            var hasVi = vi.TryGetValue(name, out var v);
            var hasEn = en.TryGetValue(name, out var e);
            if (!hasEn)
            {
                bag.Error(v!.File, 1, $"missing English variant: add {folder}/en/{name} (same file name, same id)");
            }
            else if (!hasVi)
            {
                bag.Error(e!.File, 1, $"missing Vietnamese variant: add {folder}/vi/{name} (same file name, same id)");
            }
            else
            {
                CompareStructure(v!, e!, bag);
                yield return (v!, e!);
            }
        }
    }

    /// <summary>Language-independent fields must agree; the difference is reported in the English file.</summary>
    private static void CompareStructure(Variant vi, Variant en, DiagnosticBag bag)
    {
        void Same<T>(string key, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                bag.Error(en.File, en.LineOf(key), $"'{key}' is {Show(b)} here but {Show(a)} in {vi.File}; it must be the same in both languages");
            }
        }

        Same("id", vi.Id, en.Id);
        Same("kind", vi.Kind, en.Kind);
        Same("order", vi.Order, en.Order);
        Same("clauses", string.Join(", ", vi.Clauses), string.Join(", ", en.Clauses));
        Same("audience", vi.Audience, en.Audience);
        Same("minutes", vi.Minutes, en.Minutes);
        Same("requireAck", vi.RequireAck, en.RequireAck);
        if (vi.Quiz.Count != en.Quiz.Count)
        {
            bag.Error(en.File, en.LineOf("quiz"), $"{en.Quiz.Count} quiz question(s) here but {vi.Quiz.Count} in {vi.File}");
            return;
        }

        foreach (var (a, b) in vi.Quiz.Zip(en.Quiz))
        {
            if (a.Id != b.Id)
            {
                bag.Error(en.File, b.Line, $"quiz question '{b.Id}' is '{a.Id}' at the same place in {vi.File}");
            }

            if (a.Options.Count != b.Options.Count)
            {
                bag.Error(en.File, b.OptionsLine, $"question '{b.Id}' has {b.Options.Count} options here but {a.Options.Count} in {vi.File}");
            }

            if (!a.Correct.SequenceEqual(b.Correct))
            {
                bag.Error(en.File, b.Line, $"question '{b.Id}': correct is [{string.Join(", ", b.Correct.Select(i => i + 1))}] here but [{string.Join(", ", a.Correct.Select(i => i + 1))}] in {vi.File}");
            }
        }
    }

    private static string Show<T>(T value) => value?.ToString() is { Length: > 0 } s ? $"'{s}'" : "missing";

    private static void CheckDuplicateIds(List<Variant> variants, DiagnosticBag bag)
    {
        foreach (var group in variants.Where(v => v.Id is not null).GroupBy(v => (v.Language, v.Id)))
        {
            var ordered = group.OrderBy(v => v.File, StringComparer.Ordinal).ToList();
            foreach (var dup in ordered.Skip(1))
            {
                bag.Error(dup.File, dup.LineOf("id"), $"duplicate id '{dup.Id}' (also used by {ordered[0].File})");
            }
        }
    }

    private static void CheckTrack(CurriculumResult curriculum, List<Variant> items, DiagnosticBag bag)
    {
        var lessons = items.Where(v => v.Kind is ItemKind.Lesson or ItemKind.Card && v.Id is not null).ToList();
        foreach (var order in lessons.Where(l => l.Order is not null).GroupBy(l => l.Order).Where(g => g.Count() > 1))
        {
            var first = order.OrderBy(l => l.File, StringComparer.Ordinal).First();
            foreach (var other in order.Where(o => o != first))
            {
                bag.Warning(other.File, other.LineOf("order"), $"order {order.Key} is also used by {first.File}");
            }
        }

        if (!curriculum.TrackGiven)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, line) in curriculum.TrackLines)
        {
            if (!seen.Add(id))
            {
                bag.Error(CurriculumFile, line, $"'{id}' is listed twice in track");
            }
            else if (items.Exists(v => v.Id == id && v.Kind == ItemKind.Announcement))
            {
                bag.Error(CurriculumFile, line, $"'{id}' is an announcement; track lists lessons and cards only");
            }
            else if (!lessons.Exists(l => l.Id == id))
            {
                bag.Error(CurriculumFile, line, $"unknown lesson id '{id}' in track");
            }
        }

        foreach (var lesson in lessons.Where(l => !seen.Contains(l.Id!)))
        {
            bag.Warning(lesson.File, lesson.LineOf("id"), $"'{lesson.Id}' is not in curriculum.yaml track, so it is never sent on the drip");
        }
    }

    private static void CheckCoverage(List<(Clause Clause, int Line)> clauses, List<Variant> items, DiagnosticBag bag)
    {
        var lessons = items.Where(v => v.Kind is ItemKind.Lesson or ItemKind.Card).ToList();
        var taught = lessons.SelectMany(l => l.Clauses).ToHashSet(StringComparer.Ordinal);
        var asked = lessons.SelectMany(l => l.Quiz).SelectMany(q => q.Cited).ToHashSet(StringComparer.Ordinal);
        foreach (var (clause, line) in clauses)
        {
            if (!taught.Contains(clause.Id))
            {
                bag.Warning(ClausesFile, line, $"clause {clause.Id} is covered by no lesson or card");
            }

            if (!asked.Contains(clause.Id))
            {
                bag.Warning(ClausesFile, line, $"no quiz question cites clause {clause.Id} in its explanation");
            }
        }
    }

    private static ContentItem BuildItem(Variant vi, Variant en)
    {
        var texts = new Dictionary<string, ItemText>(StringComparer.Ordinal);
        foreach (var v in new[] { vi, en })
        {
            var quiz = v.Quiz.Select(q => new QuizQuestion(q.Id, q.Text, q.Options, q.Correct, q.Explanation)).ToList();
            var reminder = v.Reminder is null ? null : TelegramHtml.Render(v.Reminder);
            texts[v.Language] = new ItemText(v.Language, v.Title!, v.Html, reminder, quiz);
        }

        return new ContentItem(vi.Id!, vi.Kind!.Value, vi.Order ?? 0, vi.Clauses, vi.Audience!.Value, vi.Minutes!.Value, vi.RequireAck, Hash(vi, en), texts);
    }

    /// <summary>Hash of both normalised sources, so progress records can tell when a lesson changed.</summary>
    private static string Hash(Variant vi, Variant en) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"vi\n{vi.Source}\0en\n{en.Source}")));

    /// <summary>UTF-8 without BOM, LF line endings, Unicode NFC (Vietnamese typed on some keyboards arrives decomposed).</summary>
    internal static string ReadNormalized(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex SlugRegex();

    // Clause ids look like C1, L2, S3, I4.
    [GeneratedRegex("(?<![A-Za-z0-9])[A-Z][0-9]{1,2}(?![A-Za-z0-9])")]
    private static partial Regex ClauseTokenRegex();
}
