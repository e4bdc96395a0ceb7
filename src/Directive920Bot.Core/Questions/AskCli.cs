using System.CommandLine;
using Directive920Bot.Content;
using Directive920Bot.Hosting;

namespace Directive920Bot.Questions;

/// <summary><c>content ask-eval</c>: the figures of "ask the notice" over the question set kept with the tests.</summary>
internal static class AskCli
{
    public const string DefaultQuestions = "tests/Directive920Bot.Tests/Questions/ask-questions.tsv";

    public static Command Build(CliContext cli)
    {
        var path = new Option<string>("--path") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var questions = new Option<string>("--questions") { Description = "The question set (ids<TAB>question)", DefaultValueFactory = _ => DefaultQuestions };
        var all = new Option<bool>("--all") { Description = "Also print every question with its ranking and confidence (for tuning the threshold)" };
        var command = new Command("ask-eval", "Top-1/top-3 accuracy, off-topic refusals and answer time of 'ask the notice'") { path, questions, all };
        command.SetAction(parse =>
        {
            var root = ContentOptions.ResolvePath(parse.GetValue(path)!, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            var result = ContentLoader.Load(root);
            if (result.Catalog is null)
            {
                cli.Output.WriteLine($"{root}: the content has errors; run 'content validate'.");
                return 1;
            }

            var file = Find(parse.GetValue(questions)!);
            if (file is null)
            {
                cli.Output.WriteLine($"No question set at '{parse.GetValue(questions)}'.");
                return 1;
            }

            using var index = NoticeIndex.Build(result.Catalog);
            var cases = AskCase.Read(file);

            // One warm-up pass first: the figures are of a running service, not of the first call's JIT compilation.
            AskEvaluation.Run(index, cases, cli.Transport);
            var evaluation = AskEvaluation.Run(index, cases, cli.Transport);
            foreach (var line in evaluation.Report().Concat(parse.GetValue(all) ? evaluation.Lines : []))
            {
                cli.Output.WriteLine(line);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The file as given, or found from the current folder upwards (dotnet run starts in the project folder).</summary>
    private static string? Find(string given)
    {
        if (Path.IsPathRooted(given))
        {
            return File.Exists(given) ? given : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, given);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
