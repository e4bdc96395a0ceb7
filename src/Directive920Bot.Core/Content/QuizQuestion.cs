namespace Directive920Bot.Content;

/// <summary>A quiz question; <see cref="Correct"/> holds 0-based option indexes (the files use 1-based ones).</summary>
public sealed record QuizQuestion(string Id, string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, string Explanation);
