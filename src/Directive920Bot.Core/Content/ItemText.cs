namespace Directive920Bot.Content;

/// <summary>One language's text of an item. <see cref="Html"/> is Telegram HTML with the title on top.</summary>
public sealed record ItemText(string Language, string Title, string Html, string? ReminderHtml, IReadOnlyList<QuizQuestion> Quiz);
