using System.Diagnostics;
using System.Text.RegularExpressions;
using Directive920Bot.EndToEnd.Infrastructure;

namespace Directive920Bot.EndToEnd.RunCommand;

public sealed partial class RunCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_run_command_without_a_token_starts_the_sandbox_and_prints_one_URL_to_open()
    {
        // The built service, started as `dotnet run` starts it: from a working directory, with no configuration at all.
        var workingDirectory = Path.Combine(Path.GetTempPath(), "d920-run", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceAssembly());
        // Port 0 instead of the default 5080, so parallel runs on one machine do not collide.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Sandbox__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        // What `dotnet run` adds from src/Directive920Bot/Properties/launchSettings.json: the Development environment,
        // the only one in which a missing token starts the sandbox by default.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                announced.TrySetException(new InvalidOperationException("The service stopped. Output:\n" + string.Join('\n', lines)));
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.StartsWith("Sandbox: open ", StringComparison.Ordinal))
            {
                announced.TrySetResult(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var line = await announced.Task.WaitAsync(StartTimeout);

            var match = UrlLine().Match(line);
            Assert.True(match.Success, line);
            using var http = new HttpClient();
            var page = await http.GetStringAsync(new Uri(match.Groups["url"].Value));
            Assert.Contains("Directive920Bot", page, StringComparison.Ordinal);
            Assert.Contains("Giờ mô phỏng", page, StringComparison.Ordinal);
            Assert.Single(lines, l => l.StartsWith("Sandbox: open ", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(workingDirectory, "data", "sandbox.db")));
            Assert.False(File.Exists(Path.Combine(workingDirectory, "data", "directive920.db")), "the production database must not be created in sandbox mode");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try
            {
                Directory.Delete(workingDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The service as built next to this test (the project reference copies its runtimeconfig and deps).</summary>
    private static string ServiceAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Directive920Bot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the service first.", path);
    }

    [GeneratedRegex(@"^Sandbox: open (?<url>http://127\.0\.0\.1:\d+/sandbox)$")]
    private static partial Regex UrlLine();
}
