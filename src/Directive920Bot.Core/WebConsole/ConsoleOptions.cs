namespace Directive920Bot.WebConsole;

/// <summary>The web console's settings (section <c>Admin</c> for the public address, <c>Console</c> for sessions).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public const string PublicBaseUrlKey = "Admin:PublicBaseUrl";

    /// <summary>A session not used for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Where the keys of the session and anti-forgery cookies are kept (owner-only); empty: <c>keys/</c> in the data folder
    /// (beside <c>Storage:DatabasePath</c>). See <see cref="ConsoleKeys"/>.
    /// </summary>
    public string? KeysPath { get; set; }

    /// <summary>How long a sign-in link works (the issue fixes it at 10 minutes).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);
}
