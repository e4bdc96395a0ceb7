using System.CommandLine;
using Directive920Bot.Hosting;

namespace Directive920Bot.Registration;

/// <summary><c>units import &lt;file.csv&gt;</c>, <c>units list</c> and <c>units qr</c>.</summary>
internal static class UnitsCli
{
    public static Command Build(CliContext cli)
    {
        var database = new Option<string?>("--database") { Description = "The data file (default: Storage:DatabasePath)" };
        var file = new Argument<FileInfo>("file") { Description = "CSV with the columns code,name,parent_code" };
        var import = new Command("import", "Import or update the organisation tree; nothing is imported from a file with errors") { file, database };
        import.SetAction(parse => Import(cli, parse.GetValue(file)!, parse.GetValue(database)));

        var list = new Command("list", "List units with their invite links") { database };
        list.SetAction(parse => List(cli, parse.GetValue(database)));
        var unitCode = new Option<string>("--unit") { Description = "The unit's code", Required = true };
        var bot = new Option<string>("--bot") { Description = "The bot's Telegram username (from BotFather), without @", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The PNG file to write", Required = true };
        var qr = new Command("qr", "Write a unit's Telegram invite link as a PNG QR code to print (https://t.me/<bot>?start=u_CODE)") { unitCode, bot, output, database };
        qr.SetAction(parse => Qr(cli, parse.GetValue(unitCode)!, parse.GetValue(bot)!, parse.GetValue(output)!, parse.GetValue(database)));
        return new Command("units", "Organisation units") { import, list, qr };
    }

    private static int Qr(CliContext cli, string unitCode, string bot, FileInfo file, string? database)
    {
        var output = cli.Output;
        var name = bot.TrimStart('@');
        // Telegram usernames: 5–32 letters, digits and underscores; a bot's ends in "bot".
        if (name.Length is < 5 or > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            output.WriteLine($"--bot '{bot}' is not a Telegram username (5–32 letters, digits or underscores).");
            return 2;
        }

        using var host = CliHost.Build(cli, database, b => b.AddRegistration());
        if (host.Services.GetRequiredService<IUnits>().Find(unitCode.Trim().ToUpperInvariant()) is not { } unit)
        {
            output.WriteLine($"--unit '{unitCode}' is not an imported unit (see `units list`).");
            return 1;
        }

        var link = new Uri($"https://t.me/{name}?start=u_{unit.InviteCode}");
        File.WriteAllBytes(file.FullName, InviteQrCode.Png(link));
        output.WriteLine($"{file.FullName}: {unit.Code} {link}");
        return 0;
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
