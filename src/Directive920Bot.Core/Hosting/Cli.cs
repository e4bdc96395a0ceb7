using System.CommandLine;
using Directive920Bot.Content;

namespace Directive920Bot.Hosting;

/// <summary>
/// Command-line verbs (<c>content validate</c>, <c>units import</c>, …). They run instead of the
/// service when the first argument names a verb, and reuse the service's own registrations.
/// </summary>
public static class Cli
{
    /// <summary>The exit code of a verb refused because the running service holds the database.</summary>
    public const int DatabaseInUse = 3;

    private static readonly string[] Verbs = ["content", "units", "campaign", "roster", "grant", "revoke", "roles", "report", "admin", "backup", "restore", "migrate-store"];

    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb with the given clocks (tests pass their pinned business clock).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var output = cli.Output;
        var root = new RootCommand("Directive920Bot: Notice 920-TB/TU dissemination bot");
        root.Subcommands.Add(ContentCommand(cli));
        foreach (var extra in CliVerbs.All(cli))
        {
            root.Subcommands.Add(extra);
        }

        var parse = root.Parse(args);
        try
        {
            // The library's own handler would print any exception as "Unhandled exception" and exit 1; a database held
            // by the service is an expected refusal with its own exit code, so exceptions are handled here instead.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (DatabaseInUseException ex)
        {
            output.WriteLine("The database is in use by the running service (the embedded store is opened by one process at a time).");
            output.WriteLine("Stop the service, or use its admin API (e.g. http://127.0.0.1:5080): /api/campaigns, /api/roles, /api/rosters, /api/reports, /api/exports; "
                + "'campaign show <id> --api <url> --api-key <key>' follows a campaign.");
            output.WriteLine("(" + ex.Message + ")");
            return DatabaseInUse;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        catch (Exception ex)
        {
            output.WriteLine("Unhandled exception: " + ex);
            return 1;
        }
    }

    private static Command ContentCommand(CliContext cli)
    {
        var output = cli.Output;
        var path = new Option<string>("--path") { Description = "Content folder", DefaultValueFactory = _ => "content" };
        var validate = new Command("validate", "Validate lessons, quizzes and the curriculum; prints file:line: message") { path };
        // The verb opens no database (so no sandbox clock beside one): the business time is the transport clock's, as for any
        // other database (CliHost); tests pass a pinned business clock. Dates are Vietnamese days.
        BotClock.TryResolveZone("Asia/Ho_Chi_Minh", out var zone);
        validate.SetAction((parse, ct) => ContentCli.ValidateAsync(parse.GetValue(path)!, output, TentativeHolidays.Today(cli.Business ?? cli.Transport, zone), ct));
        return new Command("content", "Content verbs") { validate, HolidayCommand(path, output), Reports.ContentStatsCli.Build(cli), Questions.AskCli.Build(cli) };
    }

    /// <summary><c>content holiday confirm 2026-09-01</c>: the announced candidate becomes a holiday (see content/README.md).</summary>
    private static Command HolidayCommand(Option<string> path, TextWriter output)
    {
        var date = new Argument<string>("date") { Description = "The announced date, e.g. 2026-09-01" };
        var confirm = new Command("confirm", "Confirm a tentative holiday in holidays.yaml (removes 'tentative: true' and the other candidates)") { date, path };
        confirm.SetAction((parse, ct) => TentativeHolidays.ConfirmAsync(parse.GetValue(path)!, parse.GetValue(date)!, output, ct));
        return new Command("holiday", "Holiday calendar verbs") { confirm };
    }
}
