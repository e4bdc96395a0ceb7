namespace Directive920Bot.Content;

public enum Audience { All, Leaders, Staff }

public enum ItemKind { Lesson, Card, Announcement }

/// <summary>A quiz question; <see cref="Correct"/> holds 0-based option indexes (the files use 1-based ones).</summary>
public sealed record QuizQuestion(string Id, string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, string Explanation);

/// <summary>One language's text of an item. <see cref="Html"/> is Telegram HTML with the title on top.</summary>
public sealed record ItemText(string Language, string Title, string Html, string? ReminderHtml, IReadOnlyList<QuizQuestion> Quiz);

public sealed record ContentItem(
    string Id,
    ItemKind Kind,
    int Order,
    IReadOnlyList<string> Clauses,
    Audience Audience,
    int Minutes,
    bool RequireAck,
    string ContentHash,
    IReadOnlyDictionary<string, ItemText> Texts)
{
    public const string DefaultLanguage = "vi";

    /// <summary>The text for a Telegram language code ("en", "en-US"); falls back to Vietnamese.</summary>
    public ItemText For(string language)
    {
        if (!string.IsNullOrEmpty(language))
        {
            // Telegram sends IETF tags such as "en-US"; the content only knows the primary subtag.
            var primary = language.Split('-', '_')[0].ToLowerInvariant();
            if (Texts.TryGetValue(primary, out var text))
            {
                return text;
            }
        }

        return Texts[DefaultLanguage];
    }

    /// <summary>Leaders get <c>all</c> and <c>leaders</c> items; everyone else gets <c>all</c> and <c>staff</c> items.</summary>
    public bool IsFor(bool isLeader) => Audience switch
    {
        Audience.Leaders => isLeader,
        Audience.Staff => !isLeader,
        _ => true,
    };
}

/// <summary>A clause of the notice. <see cref="Audience"/> is the raw value (all, leaders, staff, agencies).</summary>
public sealed record Clause(string Id, string Audience, string TitleVi, string TitleEn);

public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Delivery settings from curriculum.yaml. Quiet hours are the period when the bot stays silent:
/// from <see cref="QuietStart"/> to <see cref="QuietEnd"/>, wrapping past midnight when start &gt; end.
/// </summary>
public sealed record Curriculum(
    IReadOnlyList<string> Track,
    IReadOnlyList<DayOfWeek> Days,
    TimeOnly Time,
    string QuizAfter,
    string QuizMode,
    bool RequireQuizBeforeAck,
    int ReminderAfterWorkingHours,
    int MaxReminders,
    IReadOnlyList<int> ReviewIntervalsDays,
    DayOfWeek WeeklyReviewDay,
    TimeOnly WeeklyReviewTime,
    int WeeklyReviewQuestions,
    TimeOnly QuietStart,
    TimeOnly QuietEnd,
    bool QuietWeekends,
    bool QuietHolidays,
    IReadOnlyList<Holiday> Holidays);

public sealed record ContentDiagnostic(string File, int Line, string Message, bool IsError)
{
    public override string ToString() => $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}";
}

/// <summary>What <see cref="ContentLoader.Load"/> found: a catalogue when there were no errors, and every diagnostic.</summary>
public sealed record ContentLoadResult(ContentCatalog? Catalog, IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<ContentDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}

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
