namespace Directive920Bot.Content;

public sealed class ContentCatalog
{
    private readonly Dictionary<string, ContentItem> byId;

    internal ContentCatalog(
        IReadOnlyList<ContentItem> items,
        IReadOnlyList<ContentItem> track,
        IReadOnlyList<ContentItem> announcements,
        IReadOnlyList<Clause> clauses,
        Curriculum curriculum,
        IReadOnlyList<ContentDiagnostic> warnings)
    {
        Items = items;
        Track = track;
        Announcements = announcements;
        Clauses = clauses;
        Curriculum = curriculum;
        Warnings = warnings;
        byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>Every lesson, card and announcement.</summary>
    public IReadOnlyList<ContentItem> Items { get; }

    /// <summary>Lessons and cards in curriculum (drip) order.</summary>
    public IReadOnlyList<ContentItem> Track { get; }

    public IReadOnlyList<ContentItem> Announcements { get; }

    public IReadOnlyList<Clause> Clauses { get; }

    public Curriculum Curriculum { get; }

    public IReadOnlyList<ContentDiagnostic> Warnings { get; }

    public ContentItem? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// The lesson's number on the track this cadre follows: leaders skip staff-only lessons and staff skip leaders-only
    /// ones, so a staff member reads Bài 1, 2, 3 … with no gaps. Null for cards, announcements and lessons off that track.
    /// </summary>
    public int? LessonNumber(ContentItem item, bool isLeader)
    {
        ArgumentNullException.ThrowIfNull(item);
        var number = 0;
        foreach (var lesson in Track)
        {
            if (lesson.Kind != ItemKind.Lesson || !lesson.IsFor(isLeader))
            {
                continue;
            }

            number++;
            if (string.Equals(lesson.Id, item.Id, StringComparison.Ordinal))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>"Bài 3. Nêu gương …" / "Lesson 3. …" numbered within the cadre's track; the bare title when there is no number.</summary>
    public string NumberedTitle(ContentItem item, string language, bool isLeader)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = item.For(language);
        return LessonNumber(item, isLeader) is { } n
            ? (text.Language == "en" ? $"Lesson {n}. " : $"Bài {n}. ") + text.Title
            : text.Title;
    }

    /// <summary>The item's HTML with its title line numbered for the cadre's track (see <see cref="NumberedTitle"/>).</summary>
    public string NumberedHtml(ContentItem item, string language, bool isLeader)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = item.For(language);
        var titleLine = $"<b>{TelegramHtml.Escape(text.Title)}</b>";
        return text.Html.StartsWith(titleLine, StringComparison.Ordinal)
            ? $"<b>{TelegramHtml.Escape(NumberedTitle(item, language, isLeader))}</b>" + text.Html[titleLine.Length..]
            : text.Html;
    }
}
