namespace Directive920Bot.Sandbox;

/// <summary>Where the one "open this URL" line goes (the console; tests capture it).</summary>
public interface ISandboxAnnouncer
{
    void Announce(string line);
}
