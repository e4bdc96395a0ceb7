using System.CommandLine;
using Directive920Bot.Content;

namespace Directive920Bot.Hosting;

/// <summary>
/// Command-line verbs (<c>content validate</c>, <c>units import</c>, …). They run instead of the
/// service when the first argument names a verb, and reuse the service's own registrations.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["content", "units", "campaign", "roster", "grant", "revoke", "roles", "report", "admin"];

    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default) =>
        RunAsync(args, new CliContext(output, Business: null, Transport: TimeProvider.System), ct);

    /// <summary>Runs a verb with the given clocks (tests pass their pinned business clock).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var output = cli.Output;
        var root = new RootCommand("Directive920Bot: Notice 920-TB/TU dissemination bot");
        root.Subcommands.Add(ContentCommand(output));
        foreach (var extra in CliVerbs.All(cli))
        {
            root.Subcommands.Add(extra);
        }

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, ct);
    }

    private static Command ContentCommand(TextWriter output)
    {
        var path = new Option<string>("--path") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var validate = new Command("validate", "Validate lessons, quizzes and the curriculum; prints file:line: message") { path };
        validate.SetAction((parse, ct) => ContentCli.ValidateAsync(parse.GetValue(path)!, output, ct));
        return new Command("content", "Content verbs") { validate };
    }
}
