namespace Directive920Bot.Reports;

public sealed record NudgeResult(int Nudged, int SkippedItems, bool Available);
