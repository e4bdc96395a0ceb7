namespace Directive920Bot.Reports;

public sealed record RoleRequest(long UserId, string? Role, string? Unit);
