using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
        CheckQuizGiveaways(pairs, bag);

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

    // curriculum.yaml and holidays.yaml: ContentLoader.Curriculum.cs; lesson files: ContentLoader.Lessons.cs; cross-checks: ContentLoader.Checks.cs.

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
