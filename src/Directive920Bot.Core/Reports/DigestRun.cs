namespace Directive920Bot.Reports;

public sealed record DigestRun(int Weekly, int Monthly);
