using System.CommandLine;
using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary><c>grant</c>, <c>revoke</c>, <c>roles</c>, <c>roster import|list</c>, <c>report units|thematic</c>.</summary>
internal static class ReportsCli
{
    public static IEnumerable<Command> Build(CliContext cli)
    {
        var output = cli.Output;
        yield return RoleCommand("grant", "Grant a role: grant <userId|zalo:id> bloc | grant <userId|zalo:id> unit <CODE>", cli, grant: true);
        yield return RoleCommand("revoke", "Revoke a role: revoke <userId|zalo:id> bloc | revoke <userId|zalo:id> unit <CODE>", cli, grant: false);

        var database = DatabaseOption();
        var roles = new Command("roles", "List granted roles") { database };
        roles.SetAction(parse =>
        {
            using var host = Host(cli, parse.GetValue(database));
            foreach (var r in host.Services.GetRequiredService<IRoles>().All().OrderBy(r => r.UserId))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.UserId}\t{r.Role}\t{r.UnitCode}\tgranted by {r.GrantedBy} at {r.GrantedAt:u}"));
            }

            return 0;
        });
        yield return roles;
        yield return RosterCommand(cli);
        yield return ReportCommand(cli);
    }

    private static Option<string?> DatabaseOption() => new("--database") { Description = "The store's file (default: Storage:DatabasePath)" };

    private static IHost Host(CliContext cli, string? database) => CliHost.Build(cli, database, b =>
    {
        b.AddContent();
        b.AddRegistration();
        b.AddDelivery();
        b.AddEngagement();
        b.AddReports();
    });

    private static Command RoleCommand(string verb, string description, CliContext cli, bool grant)
    {
        var output = cli.Output;
        var database = DatabaseOption();
        var user = new Argument<string>("userId") { Description = "A person id (a Telegram user's is their Telegram id), or an address zalo:<id> / telegram:<id>" };
        var role = new Argument<string>("role") { Description = "bloc or unit" };
        var unit = new Argument<string?>("unit") { Description = "Unit code (unit admins)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(verb, description) { user, role, unit, database };
        command.SetAction(parse =>
        {
            if (RoleService.ParseRole(parse.GetValue(role)!, parse.GetValue(unit)) is not { } parsed)
            {
                output.WriteLine("role must be 'bloc' or 'unit'.");
                return 2;
            }

            var reference = parse.GetValue(user);
            if (!PersonReference.IsWellFormed(reference))
            {
                output.WriteLine($"userId must be a person id or an address such as zalo:<id> or telegram:<id>, was '{reference}'.");
                return 2;
            }

            using var host = Host(cli, parse.GetValue(database));
            var service = host.Services.GetRequiredService<RoleService>();
            if (PersonReference.Resolve(reference, host.Services.GetRequiredService<Channels.IPersonDirectory>()) is not { } userId)
            {
                output.WriteLine($"Nobody has consented from {reference} yet: they open the bot and consent first.");
                return 1;
            }

            var outcome = grant ? service.Grant(AuditLog.Console, userId, parsed.Role, parsed.Unit) : service.Revoke(AuditLog.Console, userId, parsed.Role, parsed.Unit);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome}: {userId} {RoleService.Describe(parsed.Role, parsed.Unit)}"));
            return outcome is GrantOutcome.Granted or GrantOutcome.Revoked or GrantOutcome.AlreadyHeld or GrantOutcome.NotHeld ? 0 : 1;
        });
        return command;
    }

    private static Command RosterCommand(CliContext cli)
    {
        var output = cli.Output;
        var database = DatabaseOption();
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX with full_name,unit_code,role,position,phone" };
        var import = new Command("import", "Import or update member rosters; nothing is imported from a file with errors") { file, database };
        import.SetAction(parse =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                output.WriteLine($"{info.Name}:0: file not found");
                return 2;
            }

            using var host = Host(cli, parse.GetValue(database));
            using var stream = info.OpenRead();
            // The CLI is the operators' tool and speaks English throughout, its refusals included.
            var result = host.Services.GetRequiredService<RosterImporter>().Import(info.Name, stream, language: Localization.Languages.English);
            foreach (var error in result.Errors)
            {
                output.WriteLine(error);
            }

            if (!result.Ok)
            {
                output.WriteLine($"Nothing imported: {result.Errors.Count} error(s).");
                return 1;
            }

            host.Services.GetRequiredService<AuditLog>().Write(AuditLog.Console, "roster.import", info.Name, FormattableString.Invariant($"added {result.Added}, updated {result.Updated}, retired {result.Retired} (cli)"));
            output.WriteLine($"Imported: {result.Added} added, {result.Updated} updated, {result.Retired} no longer listed.");
            return 0;
        });

        var unitOption = new Option<string?>("--unit") { Description = "Only this unit and its sub-units" };
        var list = new Command("list", "List roster members with their personal invite parameter and link state") { unitOption, database };
        list.SetAction(parse =>
        {
            using var host = Host(cli, parse.GetValue(database));
            var units = host.Services.GetRequiredService<IUnits>();
            var code = parse.GetValue(unitOption);
            var scope = code is null ? units.All().Select(u => u.Code).ToList() : units.SubTreeCodes([code.ToUpperInvariant()]);
            foreach (var e in host.Services.GetRequiredService<IRoster>().InUnits(scope).OrderBy(e => e.UnitCode, StringComparer.Ordinal))
            {
                output.WriteLine($"{e.UnitCode}\t{e.FullName}\t{e.Role}\tstart=p_{e.InviteCode}\t{(e.SubscriberId is null ? "not registered" : "linked")}");
            }

            return 0;
        });
        return new Command("roster", "Member rosters") { import, list };
    }

    private static Command ReportCommand(CliContext cli)
    {
        var output = cli.Output;
        var database = DatabaseOption();
        var units = new Command("units", "Print the unit report (rolled up) as CSV") { database };
        units.SetAction(parse =>
        {
            using var host = Host(cli, parse.GetValue(database));
            var store = host.Services.GetRequiredService<IUnits>();
            var csv = ReportExports.Write(host.Services.GetRequiredService<ReportExports>().UnitRows(store.All().Select(u => u.Code).ToList()), ExportFormat.Csv);
            host.Services.GetRequiredService<AuditLog>().Write(AuditLog.Console, "export", "units", "units.csv (cli)");
            output.Write(new System.Text.UTF8Encoding(false).GetString(csv).TrimStart('\uFEFF'));
            return 0;
        });

        var unit = new Option<string>("--unit") { Description = "Unit code", Required = true };
        var from = new Option<string?>("--from") { Description = "yyyy-MM-dd (default: a month before --to)" };
        var to = new Option<string?>("--to") { Description = "yyyy-MM-dd (default: today)" };
        var outFile = new Option<FileInfo>("--out") { Description = "Output .docx", Required = true };
        var thematic = new Command("thematic", "Write the DOCX thematic report for a unit and a date range") { unit, from, to, outFile, database };
        thematic.SetAction(parse =>
        {
            using var host = Host(cli, parse.GetValue(database));
            var clock = host.Services.GetRequiredService<BotClock>();
            var code = parse.GetValue(unit)!.ToUpperInvariant();
            if (host.Services.GetRequiredService<IUnits>().Find(code) is null)
            {
                output.WriteLine($"Unknown unit '{code}'.");
                return 2;
            }

            var toDate = DateOnly.FromDateTime(clock.LocalNow);
            if (parse.GetValue(to) is { } t && !DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out toDate))
            {
                output.WriteLine($"--to: '{t}' is not a date such as 2026-11-30.");
                return 2;
            }

            var fromDate = toDate.AddMonths(-1);
            if (parse.GetValue(from) is { } f && !DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out fromDate))
            {
                output.WriteLine($"--from: '{f}' is not a date such as 2026-11-01.");
                return 2;
            }

            if (fromDate > toDate)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--from {fromDate:yyyy-MM-dd} is after --to {toDate:yyyy-MM-dd}."));
                return 2;
            }

            var bytes = host.Services.GetRequiredService<ReportExports>().Thematic(code, fromDate, toDate, host.Services.GetRequiredService<ReportFeedback>().For(code, fromDate, toDate));
            var path = parse.GetValue(outFile)!.FullName;
            Storage.OwnerOnly.WriteAllBytes(path, bytes);
            host.Services.GetRequiredService<AuditLog>().Write(AuditLog.Console, "export", code, string.Create(CultureInfo.InvariantCulture, $"thematic.docx {fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd} (cli)"));
            output.WriteLine($"Wrote {path} ({bytes.Length} bytes).");
            return 0;
        });
        return new Command("report", "Reports") { units, thematic };
    }
}
