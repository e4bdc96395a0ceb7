using System.Reflection;
using System.Text.RegularExpressions;
using Directive920Bot.Localization;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Content;

/// <summary>
/// The ids C1 … I4 are the course's numbering of its items, not sections of the notice (the only source is a newspaper
/// report of it, whose numbering is unknown): no lesson, explanation, announcement or bot text may call one a "mục",
/// "điều khoản", "Điều", "clause" or "section" of the notice. Readers see "nội dung L2" / "item L2 of the course".
/// </summary>
public sealed partial class ItemIdWordingTests
{
    private static readonly string[] Assemblies = ["Directive920Bot.Core", "Directive920Bot", "Directive920Bot.Telegram"];
    private static readonly string[] ContentFolders = ["lessons", "announcements"];

    [Fact]
    public void No_lesson_explanation_or_announcement_calls_an_item_id_a_section_of_the_notice()
    {
        var files = ContentFiles();

        var offending = files.SelectMany(f => Offences(File.ReadAllText(f)).Select(o => $"{Path.GetRelativePath(BotHarness.RepoRoot, f)}: …{o}…")).ToList();

        Assert.True(offending.Count == 0, "Item ids called sections of the notice:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_bot_text_calls_an_item_id_a_section_of_the_notice()
    {
        var texts = BotTexts().Concat(SourceLiterals()).ToList();

        var offending = texts.SelectMany(t => Offences(t.Text).Select(o => $"{t.Where}: …{o}…")).ToList();

        Assert.True(offending.Count == 0, "Item ids called sections of the notice:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void The_checks_read_the_real_content_and_texts_and_catch_the_old_wordings()
    {
        // The scans would pass on nothing: they must have read the shipped lessons (both languages), the announcements
        // and the bot's texts, and the detector must catch every wording this test exists to keep out.
        var files = ContentFiles();
        Assert.True(files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}vi{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) >= 15, string.Join(", ", files));
        Assert.True(files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}en{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) >= 15, string.Join(", ", files));
        Assert.Contains(files, f => f.Contains("announcements", StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("nội dung L2 của khóa học", StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("explanation:", StringComparison.Ordinal));
        var texts = BotTexts().ToList();
        Assert.True(texts.Count >= 200, $"only {texts.Count} bot texts found");
        Assert.Contains(texts, t => t.Text.Contains("Đã đọc và cam kết thực hiện", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("nội dung L2 của khóa học", StringComparison.Ordinal));
        Assert.True(SourceLiterals().Count() >= 200);

        foreach (var bad in new[]
        {
            "*Nguồn: Thông báo 920-TB/TU, mục C1.*", "📖 Căn cứ: Thông báo 920-TB/TU, mục L2", "theo điều khoản L2", "Điều I4 của Thông báo",
            "*Source: Notice 920-TB/TU, clause L2.*", "clauses L1–L5", "Section S3", "(mục L5)", "📖 Basis: Notice 920-TB/TU, clause {0}",
        })
        {
            Assert.NotEmpty(Offences(bad));
        }

        foreach (var good in new[] { "nội dung L2 của khóa học", "item L2 of the course", "các mục sau", "điều chỉnh chính sách (L2)" })
        {
            Assert.Empty(Offences(good));
        }
    }

    /// <summary>The id after a word for a section of a document, or a placeholder where an id goes.</summary>
    private static IEnumerable<string> Offences(string text) => SectionWord().Matches(text).Select(m => m.Value);

    internal static List<string> ContentFiles()
    {
        var root = Path.Combine(BotHarness.RepoRoot, "content");
        return ContentFolders
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every static <see cref="Loc"/> of the service's assemblies, both languages, its placeholders filled with an id.</summary>
    internal static IEnumerable<(string Where, string Text)> BotTexts()
    {
        var ids = Enumerable.Repeat<object?>("L2", 20).ToArray();
        foreach (var assembly in Assemblies.Select(Assembly.Load))
        {
            foreach (var type in assembly.GetTypes())
            {
                foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.FieldType == typeof(Loc)))
                {
                    var loc = (Loc)field.GetValue(null)!;
                    foreach (var (language, template) in new[] { ("vi", loc.Vi), ("en", loc.En) })
                    {
                        yield return ($"{type.Name}.{field.Name} ({language})", template);
                        yield return ($"{type.Name}.{field.Name} ({language}, rendered)", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, ids));
                    }
                }
            }
        }
    }

    /// <summary>The string literals of the text classes and of the files that write texts of their own (composer, DOCX).</summary>
    internal static IEnumerable<(string Where, string Text)> SourceLiterals()
    {
        var src = Path.Combine(BotHarness.RepoRoot, "src");
        var files = Directory.EnumerateFiles(src, "*Texts.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "MessageComposer.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(src, "ReportExports.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(src, "*Handler.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                yield return (Path.GetRelativePath(BotHarness.RepoRoot, file), literal.Value);
            }
        }
    }

    [GeneratedRegex(@"(mục|điều khoản|điều|clauses?|sections?|articles?)\s+(\(?[A-Z]\d|\{\d)", RegexOptions.IgnoreCase)]
    private static partial Regex SectionWord();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
