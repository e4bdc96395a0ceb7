using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

/// <summary>
/// <c>backup &lt;path&gt;</c> and <c>restore &lt;path&gt;</c>. A running service holds the store, so <c>backup</c> then goes
/// through its admin API (<c>--api</c>, a bloc admin's key), which copies on the database writer; with the service
/// stopped it opens the store itself. <c>restore</c> refuses while the service runs.
/// </summary>
internal static class BackupCli
{
    public static IEnumerable<Command> Build(CliContext cli)
    {
        var output = cli.Output;
        var database = new Option<string?>("--database") { Description = "The data file (default: Storage:DatabasePath)" };
        var api = new Option<string?>("--api") { Description = "Admin API base URL of the running service, e.g. http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "A bloc admin's API key for --api (default: environment variable D920_API_KEY)" };
        var path = new Argument<string>("path") { Description = "The backup file to write" };
        var backup = new Command("backup", "Write a consistent copy of the store (encrypted when Backup:EncryptionKey is set)") { path, database, api, apiKey };
        backup.SetAction((parse, ct) => parse.GetValue(api) is { } url
            ? ThroughApiAsync(cli, url, parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("D920_API_KEY"), parse.GetValue(path)!, ct)
            : BackupAsync(cli, parse.GetValue(database), parse.GetValue(path)!));

        var source = new Argument<string>("path") { Description = "The backup file to restore" };
        var restore = new Command("restore", "Put a backup in place of the store (the service must be stopped; the replaced file is kept)") { source, database };
        restore.SetAction(parse => Restore(cli, parse.GetValue(database), parse.GetValue(source)!));
        yield return backup;
        yield return restore;
    }

    private static async Task<int> BackupAsync(CliContext cli, string? database, string path)
    {
        using var host = CliHost.Build(cli, database, b => b.AddBackups());
        if (host.Services.GetRequiredService<IStoreBackup>().ManagedByOperator is { } reason)
        {
            cli.Output.WriteLine(reason);
            return 1;
        }

        var snapshot = await host.Services.GetRequiredService<BackupService>().BackupAsync(path);
        cli.Output.WriteLine(FormattableString.Invariant($"Backup written to {Path.GetFullPath(path)}: schema v{snapshot.SchemaVersion}, {snapshot.Counts.Values.Sum()} documents in {snapshot.Counts.Count} collections."));
        return 0;
    }

    private static async Task<int> ThroughApiAsync(CliContext cli, string url, string? key, string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.PostAsync(new Uri("api/admin/backup", UriKind.Relative), null, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // The store's backups are the operator's (PostgreSQL): the problem's detail says so and what to use.
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ct);
            cli.Output.WriteLine(problem?.Detail ?? $"The API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return 1;
        }

        if (!response.IsSuccessStatusCode)
        {
            cli.Output.WriteLine($"The API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return 1;
        }

        var full = Path.GetFullPath(path);
        var partial = full + ".part";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
        {
            BackupService.Restrict(partial);
            await response.Content.CopyToAsync(file, ct);
        }

        File.Move(partial, full, overwrite: true);
        cli.Output.WriteLine($"Backup written to {full} by the running service ({response.Headers.GetValues("X-Backup-Documents").FirstOrDefault()} documents).");
        return 0;
    }

    private static int Restore(CliContext cli, string? database, string source)
    {
        var output = cli.Output;
        if (!File.Exists(source))
        {
            output.WriteLine($"{source}:0: file not found");
            return 2;
        }

        // Builds the host only for the lock and the options: the store itself is never opened (Database is not resolved).
        using var host = CliHost.Build(cli, database, b => b.AddBackups());
        var files = host.Services.GetRequiredService<IStoreFiles>();
        var target = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
        var plain = Path.Combine(Path.GetTempPath(), "d920-restore-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            if (BackupService.IsEncrypted(source))
            {
                if (BackupService.Key(host.Services.GetRequiredService<IOptions<BackupOptions>>().Value) is not { } key)
                {
                    output.WriteLine($"{source}:0: the backup is encrypted; set Backup:EncryptionKey to the key it was made with");
                    return 1;
                }

                try
                {
                    File.WriteAllBytes(plain, BackupService.Decrypt(File.ReadAllBytes(source), key));
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    output.WriteLine($"{source}:0: the backup does not decrypt with Backup:EncryptionKey (wrong key, or the file was changed)");
                    return 1;
                }
            }
            else
            {
                File.Copy(source, plain);
            }

            StoreSnapshot snapshot;
            try
            {
                snapshot = files.Inspect(plain);
            }
            catch (InvalidDataException ex)
            {
                output.WriteLine($"{source}:0: {ex.Message.Replace(plain, "backup", StringComparison.Ordinal)}");
                return 1;
            }

            if (snapshot.SchemaVersion > snapshot.KnownVersion)
            {
                output.WriteLine($"{source}:0: the backup has schema v{snapshot.SchemaVersion}, newer than this program's v{snapshot.KnownVersion}; restore it with a newer release");
                return 1;
            }

            var stamp = cli.Transport.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var kept = files.Replace(target, plain, stamp);
            output.WriteLine(FormattableString.Invariant($"Restored {Path.GetFullPath(target)} from {source}: schema v{snapshot.SchemaVersion}, {snapshot.Counts.Values.Sum()} documents."));
            if (kept is not null)
            {
                output.WriteLine($"The replaced store was kept as {kept}.");
            }

            return 0;
        }
        finally
        {
            File.Delete(plain);
        }
    }
}
