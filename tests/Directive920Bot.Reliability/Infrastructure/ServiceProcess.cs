using System.Collections.Concurrent;
using System.Diagnostics;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// The built service (<c>src/Directive920Bot</c>'s dll) as a separate process, configured by environment variables
/// exactly as an operator would: so that <c>kill -9</c> and SIGTERM hit the real process, not a host in the test's.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Every line the process wrote to stdout and stderr, in arrival order.</summary>
    public IReadOnlyList<string> Output => [.. output];

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int Id => process.Id;

    /// <summary>The service dll built next to this test assembly's configuration (Debug or Release).</summary>
    public static string ServiceDll
    {
        get
        {
            // …/bin/<configuration>/net10.0/ of this test assembly.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = Path.Combine(BotHarness.RepoRoot, "src", "Directive920Bot", "bin", configuration, "net10.0", "Directive920Bot.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Directive920Bot first (the test project references it).", dll);
        }
    }

    /// <summary>Starts <c>dotnet Directive920Bot.dll [args]</c> with <paramref name="environment"/> on top of a clean production environment.</summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServiceDll)!,
        };
        info.ArgumentList.Add(ServiceDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Production, as deployed: no Development defaults (user-secrets, the sandbox) leak in from the test's environment.
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        // Production needs the controller named in the consent text (Privacy:Controller, Privacy:Contact).
        info.Environment["Privacy__Controller"] = "Đảng ủy Khối thử nghiệm";
        info.Environment["Privacy__Contact"] = "vanphong@example.vn";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Add(e.Data);
        process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs a CLI verb of the service to its end; returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var verb = Start(environment, args);
        using var cancel = new CancellationTokenSource(timeout);
        await verb.process.WaitForExitAsync(cancel.Token);
        verb.process.WaitForExit(); // drains the redirected streams
        return (verb.process.ExitCode, string.Join('\n', verb.Output));
    }

    /// <summary><c>kill -9</c>: no shutdown code runs, open files are left as they are.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or <c>docker stop</c> sends: the host's graceful shutdown.</summary>
    public void Terminate()
    {
        // The shell's built-in kill: present on every machine, unlike procps' /bin/kill on a slim image.
        using var kill = Process.Start("sh", ["-c", "kill -TERM " + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Waits for the process to exit by itself; false when it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Describe() => $"exit {(process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}; output:\n" + string.Join('\n', output.TakeLast(60));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
