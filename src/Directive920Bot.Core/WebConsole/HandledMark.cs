namespace Directive920Bot.WebConsole;

/// <summary>
/// A feedback item or an unanswered question that propaganda staff marked handled in the console. It keeps only the
/// item's key and when: who marked it is in the audit log (<c>feedback.handled</c>), so the mark is nobody's personal data.
/// </summary>
public sealed class HandledMark
{
    /// <summary><c>feedback:{id}</c> or <c>question:{id}</c> (the random ids of those records).</summary>
    public string Id { get; set; } = "";

    public DateTime At { get; set; }
}
