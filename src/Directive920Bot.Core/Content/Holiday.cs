namespace Directive920Bot.Content;

/// <summary>
/// A public holiday from holidays.yaml. A <see cref="Tentative"/> one is a candidate date the Government has not announced
/// yet (e.g. the day next to Quốc khánh, 1/9 or 3/9): it does not pause anything until operations confirm it, and
/// <c>content validate</c> warns when it is near (<see cref="TentativeHolidays"/>). <see cref="Choice"/> names the
/// decision it is a candidate for; <see cref="File"/>/<see cref="Line"/> locate the entry for warnings and the confirm verb.
/// </summary>
public sealed record Holiday(DateOnly Date, string Name, bool Tentative = false, string? Choice = null, string? File = null, int Line = 0)
{
    /// <summary>Only a confirmed holiday pauses lessons and reminders.</summary>
    public bool Pauses => !Tentative;
}
