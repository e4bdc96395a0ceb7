using Directive920Bot.Emulator;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// The real service against the emulator (as the tests' harness does), with a real LiteDB file in a temp folder or, with
/// <c>D920_BENCH_STORAGE=Postgres</c> (<see cref="BenchStorage"/>), a fresh database of the throw-away PostgreSQL cluster.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(WebApplication app, BotApiEmulator emulator, string directory, string? connectionString)
    {
        App = app;
        Emulator = emulator;
        Directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The PostgreSQL database the host runs on, or null on LiteDB.</summary>
    public string? ConnectionString { get; }

    public bool OnPostgres => ConnectionString is not null;

    public WebApplication App { get; }

    public BotApiEmulator Emulator { get; }

    public string Directory { get; }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directive920Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Directive920Bot.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<BenchmarkHost> StartAsync(IDictionary<string, string?> settings, bool start)
    {
        var emulator = await BotApiEmulator.StartAsync();
        emulator.RateLimits.Enabled = false;
        var directory = Path.Combine(Path.GetTempPath(), "d920-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.Token,
            ["Telegram:ApiBaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Content:Path"] = Path.Combine(RepoRoot(), "content"),
            // The seeded subscribers consented to this version (below): the consent gate lets them through.
            ["Privacy:ConsentVersion"] = "bench",
            ["Content:WatchForChanges"] = "false",
            ["Storage:DatabasePath"] = Path.Combine(directory, "bench.db"),
            ["Delivery:TrackEnabled"] = "false",
            // Benchmarks run on the wall clock, which may be a night or a weekend: no quiet time.
            ["Delivery:QuietStart"] = "00:00",
            ["Delivery:QuietEnd"] = "00:00",
            ["Delivery:QuietWeekends"] = "false",
            ["Delivery:QuietHolidays"] = "false",
            ["urls"] = "http://127.0.0.1:0",
        });
        var storage = settings.ContainsKey("Storage:Provider") ? [] : BenchStorage.Settings();
        builder.Configuration.AddInMemoryCollection(storage);
        builder.Configuration.AddInMemoryCollection(settings);
        var connectionString = string.Equals(builder.Configuration["Storage:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? builder.Configuration["Storage:ConnectionString"]
            : null;
        builder.Logging.ClearProviders();
        builder.AddDirective920Bot();
        var app = builder.Build();
        app.MapDirective920Bot();
        if (start)
        {
            await app.StartAsync();
        }

        return new BenchmarkHost(app, emulator, directory, connectionString);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Pacing is Telegram's business and measured elsewhere: these settings lift it (paid rate far above any machine,
    /// no per-chat spacing) so that a benchmark measures the service's own cost.
    /// </summary>
    public static Dictionary<string, string?> PacingLifted(int maxConcurrency) => new()
    {
        ["Delivery:AllowPaidBroadcast"] = "true",
        ["Delivery:PaidMessagesPerSecond"] = "100000",
        ["Delivery:PerChatInterval"] = "00:00:00",
        ["Delivery:MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private const int SeedBatch = 1_000;

    /// <summary>
    /// Registered, active subscribers written through the store on LiteDB (a thousand per transaction), or in one COPY on PostgreSQL
    /// (<see cref="PgSeed"/>: a statement per person would take minutes); and, if asked, the emulator's users.
    /// </summary>
    public void Seed(int count, bool addUsers)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (ConnectionString is { } pg)
        {
            // The storage runs the migrations when it is first resolved: the tables exist before the COPY.
            _ = Get<Storage.IStorage>();
            PgSeed.Subscribers(pg, Enumerable.Range(1, count).Select(i => Subscriber(i, now)));
        }
        else
        {
            // A thousand people per transaction, not all in one: registrations arrive one at a time, and LiteDB's page
            // cache grows to the most pages one transaction held and never shrinks, so a single 100,000-person
            // transaction would leave the measured process ~65 MB of cache the service never builds up.
            var store = Get<ISubscribers>();
            var storage = Get<Storage.IStorage>();
            for (var from = 1; from <= count; from += SeedBatch)
            {
                var first = from;
                storage.Write(tx =>
                {
                    for (var i = first; i < first + SeedBatch && i <= count; i++)
                    {
                        store.Save(tx, Subscriber(i, now));
                    }
                });
            }
        }

        if (addUsers)
        {
            for (var i = 1; i <= count; i++)
            {
                Emulator.AddUser(1_000_000 + i, "Bench");
            }
        }
    }

    private static Subscriber Subscriber(int i, DateTime now) => new()
    {
        Id = 1_000_000 + i,
        Language = i % 5 == 0 ? "en" : "vi",
        Status = SubscriberStatus.Active,
        UnitCode = "SNV-VP",
        Role = i % 10 == 0 ? CadreRole.Leader : CadreRole.Staff,
        ConsentAt = now,
        ConsentVersion = "bench",
        RegisteredAt = now,
        UpdatedAt = now,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        await App.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
