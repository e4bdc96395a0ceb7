using System.Collections.Concurrent;
using Directive920Bot.Hosting;
using Directive920Bot.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.EndToEnd.Infrastructure;

/// <summary>
/// The real service in sandbox mode, in-process, with the same composition as Program.cs and no bot token: a temp data
/// directory, port 0, and a fixed simulated start (Tuesday 1 December 2026, 08:00 in Hà Nội, a working day).
/// </summary>
public sealed class SandboxApp : IAsyncDisposable
{
    public const string DefaultStart = "2026-12-01T08:00:00+07:00";

    private readonly Dictionary<string, string?> settings;

    private SandboxApp(string directory, Dictionary<string, string?> settings)
    {
        DataDirectory = directory;
        this.settings = settings;
    }

    public string DataDirectory { get; }

    public string SandboxDatabasePath => Path.Combine(DataDirectory, "data", "sandbox.db");

    public WebApplication App { get; private set; } = null!;

    public Uri SandboxUrl { get; private set; } = null!;

    /// <summary>Every line the service announced (the "Sandbox: open …" line).</summary>
    public ConcurrentQueue<string> Announced { get; } = new();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static async Task<SandboxApp> StartAsync(IDictionary<string, string?>? configuration = null, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "d920-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            // The "Testing" environment is not Development: the sandbox must be asked for explicitly.
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DatabasePath"] = Path.Combine(directory, "data", "sandbox.db"),
            ["Sandbox:StartAt"] = DefaultStart,
            ["Storage:DatabasePath"] = Path.Combine(directory, "data", "production-must-not-exist.db"),
            ["Content:Path"] = Path.Combine(RepoRoot, "content"),
            ["Content:WatchForChanges"] = "false",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new SandboxApp(directory, settings);
        await app.StartHostAsync();
        return app;
    }

    public async Task StartHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = DataDirectory });
        // The machine's environment must not turn the sandbox off: no token, whatever the shell has.
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Telegram:BotToken"] = "";
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("D920_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.AddDirective920Bot();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISandboxAnnouncer>(new QueueAnnouncer(Announced)));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        App = builder.Build();
        App.MapDirective920Bot();
        await App.StartAsync();
        SandboxUrl = SandboxStartup.SandboxUrl(App.Services.GetRequiredService<IServer>());
    }

    public async Task StopHostAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopHostAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class QueueAnnouncer(ConcurrentQueue<string> lines) : ISandboxAnnouncer
    {
        public void Announce(string line) => lines.Enqueue(line);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directive920Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Directive920Bot.sln) not found above " + AppContext.BaseDirectory);
    }
}
