namespace Directive920Bot.WebConsole;

/// <summary>
/// A person's current session stamp: every console cookie carries the stamp it was issued with and is valid only while
/// the stored one is the same, so <c>/web logout</c> ends every session of that person by changing it.
/// </summary>
public sealed class ConsoleSessionStamp
{
    /// <summary>The person id.</summary>
    public long Id { get; set; }

    public string Stamp { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}
