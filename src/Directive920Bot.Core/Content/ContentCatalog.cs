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
}
