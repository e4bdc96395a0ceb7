using System.CommandLine;
using System.Globalization;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

/// <summary>
/// <c>migrate-store [--database f] [--to "Host=…;Database=…"]</c>: copies the embedded store into an EMPTY PostgreSQL
/// database. The LiteDB file is opened read-only while this verb holds the service's instance lock (refused while the
/// service runs); the target's migrations run first; every section is written in ONE transaction, counted inside it
/// against the source, and the transaction is rolled back unless every count matches — nothing is ever half-written.
/// </summary>
internal static class MigrateStoreCli
{
    /// <summary>Exit code of a copy refused before anything was written (target not empty, bad source, bad arguments).</summary>
    public const int Refused = 1;

    /// <summary>Exit code of a copy whose counts did not match: rolled back.</summary>
    public const int Mismatch = 4;

    public static Command Build(CliContext cli)
    {
        var database = new Option<string?>("--database") { Description = "The LiteDB file to copy (default: Storage:DatabasePath)" };
        var to = new Option<string?>("--to") { Description = "The target's Npgsql connection string (default: Storage:ConnectionString)" };
        var command = new Command("migrate-store", "Copy the LiteDB store into an empty PostgreSQL database, in one transaction, counts checked") { database, to };
        command.SetAction((parse, ct) => RunAsync(cli, parse.GetValue(database), parse.GetValue(to)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string? database, string? to)
    {
        var output = cli.Output;
        using var source = CliHost.Build(cli, database, _ => { }, new Dictionary<string, string?> { [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = StorageOptions.LiteDb });
        var connection = to ?? source.Services.GetRequiredService<IConfiguration>()[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            output.WriteLine("No target: give the PostgreSQL database with --to \"Host=…;Database=…;Username=…\" or set Storage:ConnectionString. Nothing was changed.");
            return Refused;
        }

        IStoreCopyReader reader;
        try
        {
            // Read-only: opening creates nothing (a missing file stays missing).
            reader = source.Services.GetRequiredService<IStoreCopySource>().Open();
        }
        catch (InvalidDataException ex)
        {
            output.WriteLine(ReplaceFirstColon(ex.Message) + ". Nothing was changed.");
            return Refused;
        }

        using (reader)
        {
            // Held until the copy is over: the service cannot start on the file while it is read (refused if it just did).
            using var held = source.Services.GetRequiredService<IStoreLock>().Hold();
            if (reader.Unknown.Count > 0)
            {
                output.WriteLine($"{reader.Location}:0: the store holds collections this program does not know ({string.Join(", ", reader.Unknown)}); "
                    + "a copy would leave them behind. Use the release that wrote them. Nothing was changed.");
                return Refused;
            }

            return await CopyAsync(cli, reader, connection);
        }
    }

    private static async Task<int> CopyAsync(CliContext cli, IStoreCopyReader reader, string connection)
    {
        var output = cli.Output;
        IHost target;
        IStoreCopyTarget copy;
        try
        {
            target = CliHost.Build(cli, null, _ => { }, new Dictionary<string, string?>
            {
                [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = StorageOptions.Postgres,
                [$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = connection,
            });
            // Resolving the target opens the database and runs its migrations (all pending ones in one transaction).
            copy = target.Services.GetRequiredService<IStoreCopyTarget>();
        }
        catch (OptionsValidationException ex)
        {
            output.WriteLine($"The target is not usable: {string.Join(" ", ex.Failures)} Nothing was changed.");
            return Refused;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The exception's text names the server, never the password (Npgsql does not echo it).
            output.WriteLine($"The target database could not be opened: {ex.Message} Nothing was changed.");
            return Refused;
        }

        using (target)
        {
            output.WriteLine($"Copying {reader.Location} into {copy.Location}.");
            if (reader.Sections.FirstOrDefault(s => !copy.Sections.Contains(s.Name)) is { } unknown)
            {
                output.WriteLine($"The PostgreSQL store has no section '{unknown.Name}': this program cannot copy this store. Nothing was changed.");
                return Refused;
            }

            if (copy.NonEmpty() is { Count: > 0 } filled)
            {
                output.WriteLine($"The target is not empty: {string.Join(", ", filled.Select(t => FormattableString.Invariant($"{t.Table} ({(t.Rows >= 1000 ? "1000+" : t.Rows.ToString(CultureInfo.InvariantCulture))} rows)")))}.");
                output.WriteLine("migrate-store copies into an EMPTY database only (a second run, or a service already started on it, would mix two stores). "
                    + "Create a new database (createdb -O bot directive920) or drop this one's tables, then run it again. Nothing was changed.");
                return Refused;
            }

            var storage = target.Services.GetRequiredService<IStorage>();
            IReadOnlyList<(string Name, long Source, long Copied)> counts = [];
            var matched = false;
            try
            {
                await storage.WriteAsync(tx =>
                {
                    foreach (var section in reader.Sections)
                    {
                        copy.Write(tx, section);
                    }

                    counts = [.. reader.Sections.Select(s => (s.Name, s.Count, copy.Count(s.Name)))];
                    matched = counts.All(c => c.Source == c.Copied);
                    if (!matched)
                    {
                        // Rolls the whole copy back: a store with a section short is worse than none.
                        throw new CountMismatchException();
                    }
                });
            }
            catch (CountMismatchException)
            {
            }

            Print(output, counts, reader.Skipped, matched);
            return matched ? 0 : Mismatch;
        }
    }

    private static void Print(TextWriter output, IReadOnlyList<(string Name, long Source, long Copied)> counts, IReadOnlyList<SkippedSection> skipped, bool matched)
    {
        var width = Math.Max(8, counts.Select(c => c.Name.Length).DefaultIfEmpty(0).Max());
        output.WriteLine(FormattableString.Invariant($"{"section".PadRight(width)}  {"source",10}  {"copied",10}  status"));
        foreach (var (name, source, copied) in counts)
        {
            output.WriteLine(FormattableString.Invariant($"{name.PadRight(width)}  {source,10}  {copied,10}  {(source == copied ? "ok" : "MISMATCH")}"));
        }

        foreach (var skip in skipped)
        {
            output.WriteLine(FormattableString.Invariant($"{skip.Name.PadRight(width)}  {"-",10}  {"-",10}  skipped: {skip.Reason}"));
        }

        output.WriteLine(matched
            ? FormattableString.Invariant($"Copied {counts.Sum(c => c.Copied)} records in {counts.Count} sections; every count matches. Set Storage:Provider=Postgres and Storage:ConnectionString, then start the service.")
            : "The counts do not match: the copy was rolled back, the target is as it was. Nothing was changed.");
    }

    // "path: message" → "path:0: message", as every file error of the CLI.
    private static string ReplaceFirstColon(string message)
    {
        var at = message.IndexOf(": ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at] + ":0:" + message[(at + 1)..];
    }

    private sealed class CountMismatchException : Exception
    {
    }
}
