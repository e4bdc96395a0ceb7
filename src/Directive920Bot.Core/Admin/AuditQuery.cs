namespace Directive920Bot.Admin;

/// <summary>The audit log's filter: entries at [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>), of one actor and one action when given.</summary>
public sealed record AuditQuery(DateTime FromUtc, DateTime ToUtc, long? Actor, string? Action);

/// <param name="Page">The page returned (the one asked for, clamped to 1…<paramref name="Pages"/>).</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages);
