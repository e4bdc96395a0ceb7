using Directive920Bot.Admin;

namespace Directive920Bot.Web;

/// <summary>One configured API key, held only as the SHA-256 of the key (the key itself is never logged or kept).</summary>
public sealed record ApiKeyEntry(string Name, byte[] KeyHash, AdminRole? Role, IReadOnlyList<string> Units, long? UserId);
