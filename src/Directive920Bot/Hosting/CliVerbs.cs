using System.CommandLine;

namespace Directive920Bot.Hosting;

/// <summary>The verbs other features add; each feature contributes one method here.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All(TextWriter output)
    {
        _ = output;
        yield break;
    }
}
