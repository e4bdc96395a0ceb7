namespace Directive920Bot.Sandbox;

public sealed class ConsoleSandboxAnnouncer(TextWriter output) : ISandboxAnnouncer
{
    public void Announce(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
