using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Sandbox;

public sealed class ConsoleSandboxAnnouncer(TextWriter output) : ISandboxAnnouncer
{
    public void Announce(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
