namespace Directive920Bot.WebConsole;

/// <summary>
/// A one-time sign-in link of the web console as stored: only the SHA-256 of its token (whoever reads the database
/// cannot sign in with it), the person it is bound to, when it stops working and when it was used.
/// </summary>
public sealed class ConsoleSignIn
{
    /// <summary>The token's SHA-256 in lower-case hex.</summary>
    public string Id { get; set; } = "";

    public long PersonId { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when the link signed someone in: a link works once.</summary>
    public DateTime? UsedAt { get; set; }
}
