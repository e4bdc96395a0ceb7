namespace Directive920Bot.Reports;

public sealed record QuestionFigures(string QuestionId, string? ItemId, string Question, int Answered, int Correct, double? Accuracy);
