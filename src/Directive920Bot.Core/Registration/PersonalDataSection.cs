namespace Directive920Bot.Registration;

/// <summary>
/// One part of the readable /mydata summary, in the person's language: what the part is, why it is kept, and its
/// records one a line (times local, dd/MM/yyyy HH:mm).
/// </summary>
public sealed record PersonalDataSection(string Title, string Explanation, IReadOnlyList<string> Lines);
