using System.CommandLine;
using Directive920Bot.Hosting;

namespace Directive920Bot.Registration;

/// <summary><c>units import &lt;file.csv&gt;</c> and <c>units list</c>.</summary>
internal static class UnitsCli
{
    public static Command Build(CliContext cli)
    {
        var output = cli.Output;
        var database = new Option<string?>("--database") { Description = "The data file (default: Storage:DatabasePath)" };
        var file = new Argument<FileInfo>("file") { Description = "CSV with the columns code,name,parent_code" };
        var import = new Command("import", "Import or update the organisation tree; nothing is imported from a file with errors") { file, database };
        import.SetAction(parse => Import(cli, parse.GetValue(file)!, parse.GetValue(database)));

        var list = new Command("list", "List units with their invite links") { database };
        list.SetAction(parse => List(cli, parse.GetValue(database)));
        return new Command("units", "Organisation units") { import, list };
    }

    private static int Import(CliContext cli, FileInfo file, string? database)
    {
        var output = cli.Output;
        if (!file.Exists)
        {
            output.WriteLine($"{file.Name}:0: file not found");
            return 2;
        }

        using var host = CliHost.Build(cli, database, b => b.AddRegistration());
        var importer = host.Services.GetRequiredService<UnitImporter>();
        using var reader = new StreamReader(file.FullName);
        var result = importer.Import(file.Name, reader);
        foreach (var error in result.Errors)
        {
            output.WriteLine(error);
        }

        output.WriteLine(result.Ok
            ? $"Imported {result.Added + result.Updated} units ({result.Added} added, {result.Updated} updated)."
            : $"Nothing imported: {result.Errors.Count} error(s).");
        return result.Ok ? 0 : 1;
    }

    private static int List(CliContext cli, string? database)
    {
        var output = cli.Output;
        using var host = CliHost.Build(cli, database, b => b.AddRegistration());
        foreach (var unit in host.Services.GetRequiredService<IUnits>().All())
        {
            output.WriteLine($"{new string(' ', Math.Max(0, unit.Depth) * 2)}{unit.Code}\t{unit.Name}\tstart=u_{unit.InviteCode}");
        }

        return 0;
    }
}
