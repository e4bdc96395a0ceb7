namespace Directive920Bot.Questions;

/// <summary>One searchable passage of the course: a clause title, a lesson paragraph or a quiz explanation.</summary>
/// <param name="ItemIds">The course's item ids (C1 … I4) the passage is about; never a section number of the notice.</param>
/// <param name="LessonId">The lesson that teaches it (to open), or null when no single lesson covers it.</param>
/// <param name="Language">vi or en.</param>
/// <param name="Text">Plain text as shown to the cadre.</param>
public sealed record Passage(IReadOnlyList<string> ItemIds, string? LessonId, string Language, PassageKind Kind, string Text)
{
    /// <summary>What the search reads: the text, and for an explanation also its question and correct answer.</summary>
    public string Searchable { get; init; } = Text;
}

public enum PassageKind
{
    ClauseTitle,
    Lesson,
    Explanation,
}
