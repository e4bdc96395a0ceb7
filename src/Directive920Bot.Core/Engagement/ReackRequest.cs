namespace Directive920Bot.Engagement;

public sealed record ReackRequest(string? Note);
