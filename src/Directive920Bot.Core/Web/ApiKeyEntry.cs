using Directive920Bot.Admin;

namespace Directive920Bot.Web;

/// <summary>One configured API key (the key itself is never logged).</summary>
public sealed record ApiKeyEntry(string Name, string Key, AdminRole? Role, IReadOnlyList<string> Units, long? UserId);
