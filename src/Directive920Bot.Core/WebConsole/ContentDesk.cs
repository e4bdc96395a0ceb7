using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Reports;
using Ganss.Xss;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Nội dung / Content: the catalogue in use, its coverage of the course's items (C1 … I4), each item's Telegram-like
/// preview in both languages, the validation status (the catalogue's warnings and what the folder on disk says now, as
/// <c>file:line: message</c>), the quiz item analysis, and the reload, which keeps the old catalogue when the new one has errors.
/// </summary>
public sealed class ContentDesk(ContentService content, ReportInsights insights, AuditLog audit)
{
    // Telegram's HTML parse mode, nothing else: the preview shows what the bot would send, and a script cannot slip in.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public ContentDeskModel Overview(string language)
    {
        var catalog = content.Current;
        var coverage = catalog.Clauses.Select(c =>
        {
            var items = catalog.Items.Where(i => i.Clauses.Contains(c.Id, StringComparer.Ordinal)).ToList();
            return new ClauseCoverage(c.Id, language == Localization.Languages.English ? c.TitleEn : c.TitleVi,
                items.Select(i => i.Id).ToList(), items.Sum(i => i.For(language).Quiz.Count));
        }).ToList();
        var rows = catalog.Track.Concat(catalog.Announcements).Select(i => new CatalogueRow(i.Id, i.Kind, i.Audience, i.Minutes, i.Clauses,
            i.For(Localization.Languages.Vietnamese).Title, i.For(Localization.Languages.English).Title, i.For(language).Quiz.Count)).ToList();

        // What the folder on disk says now: an edit may have broken it since the catalogue in use was loaded.
        var onDisk = ContentLoader.Load(content.RootPath).Diagnostics.Where(d => d.IsError).Select(Line).ToList();
        return new ContentDeskModel(coverage, rows, catalog.Warnings.Select(Line).ToList(), onDisk, insights.Analysis(language), insights.MinimumSample);
    }

    /// <summary>The item's preview in Vietnamese and English, or null when the catalogue has no such item.</summary>
    public ItemPreview? Preview(string id)
    {
        var catalog = content.Current;
        if (catalog.Find(id) is not { } item)
        {
            return null;
        }

        var texts = new[] { Localization.Languages.Vietnamese, Localization.Languages.English }
            .Select(language => item.Texts.TryGetValue(language, out var text)
                ? new PreviewText(language, text.Title, Safe(catalog.NumberedHtml(item, language, isLeader: item.Audience == Audience.Leaders)),
                    text.ReminderHtml is null ? null : Safe(text.ReminderHtml), text.Quiz)
                : null)
            .OfType<PreviewText>()
            .ToList();
        return new ItemPreview(item.Id, item.Kind, item.Audience, item.Clauses, texts);
    }

    /// <summary>Reloads the content folder (bloc admins only; the caller checks); audited whichever way it goes.</summary>
    public ContentLoadResult Reload(long actor)
    {
        var result = content.Reload();
        audit.Write(actor, "content.reload", content.RootPath, result.Catalog is null
            ? FormattableString.Invariant($"refused: {result.Errors.Count()} error(s), previous catalogue kept (web console)")
            : FormattableString.Invariant($"{result.Catalog.Items.Count} items (web console)"));
        return result;
    }

    /// <summary><c>file:line: message</c> with the file relative to the content folder (the server's paths stay on the server).</summary>
    public string Line(ContentDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var file = Path.IsPathRooted(diagnostic.File) ? Path.GetRelativePath(content.RootPath, diagnostic.File) : diagnostic.File;
        return (diagnostic with { File = file.Replace('\\', '/') }).ToString();
    }

    internal static string Safe(string telegramHtml) => Sanitizer.Sanitize(telegramHtml);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}

public sealed record ClauseCoverage(string Id, string Title, IReadOnlyList<string> Items, int Questions);

public sealed record CatalogueRow(string Id, ItemKind Kind, Audience Audience, int Minutes, IReadOnlyList<string> Clauses, string TitleVi, string TitleEn, int Questions);

/// <param name="Warnings">The catalogue in use's warnings, <c>file:line: message</c>.</param>
/// <param name="ErrorsOnDisk">Errors of the content folder as it is now (empty: a reload would succeed).</param>
public sealed record ContentDeskModel(IReadOnlyList<ClauseCoverage> Coverage, IReadOnlyList<CatalogueRow> Catalogue, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> ErrorsOnDisk, IReadOnlyList<QuestionAnalysis> Analysis, int MinimumSample)
{
    /// <summary>After a reload: null, or the outcome to show (items loaded, or the errors that refused it).</summary>
    public ReloadOutcome? Reload { get; init; }
}

public sealed record ReloadOutcome(int? Items, IReadOnlyList<string> Errors);

public sealed record PreviewText(string Language, string Title, string Html, string? ReminderHtml, IReadOnlyList<QuizQuestion> Quiz);

public sealed record ItemPreview(string Id, ItemKind Kind, Audience Audience, IReadOnlyList<string> Clauses, IReadOnlyList<PreviewText> Texts);
