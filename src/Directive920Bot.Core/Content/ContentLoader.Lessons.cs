using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace Directive920Bot.Content;

/// <summary>Lesson and announcement files: language variants, front matter, questions, Markdown checks.</summary>
public static partial class ContentLoader
{
    private sealed record Question(
        string Id, int Line, string Text, IReadOnlyList<string> Options, int OptionsLine, IReadOnlyList<int> Correct, string Explanation, IReadOnlyList<string> Cited)
    {
        /// <summary>The line of each option (the options' line where unknown).</summary>
        public List<int> OptionLines { get; init; } = [];
    }

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
        var optionLines = new List<int>();
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
                optionLines.Add(yaml.Line(optionNode));
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
            : new Question(id, line, text, options, optionsLine, correct, explanation, cited) { OptionLines = optionLines };
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
}
