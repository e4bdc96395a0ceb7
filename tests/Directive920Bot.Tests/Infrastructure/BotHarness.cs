using Directive920Bot.Emulator;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Directive920Bot.Tests.Infrastructure;

/// <summary>
/// The real service (the same composition as Program.cs) against the in-repo Bot API emulator over loopback HTTP,
/// with a real LiteDB file in a temp directory and a fake business clock. Restartable on the same database.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    /// <summary>Tuesday 1 December 2026, 08:00 in Hà Nội: a working day inside the sending window.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>The webhook secret of harnesses started in webhook mode.</summary>
    public const string WebhookSecret = "test-webhook-secret_0123456789abcdef";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly bool ownsEmulator;

    private BotHarness(BotApiEmulator emulator, bool ownsEmulator, FakeTimeProvider clock, TimeProvider transport, string directory, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        Clock = clock;
        Transport = transport;
        DataDirectory = directory;
        this.settings = settings;
        this.services = services;
    }

    public BotApiEmulator Emulator { get; }

    /// <summary>The business clock, pinned: what users see and rules decide.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The transport clock (pacing, back-off, the Telegram connection's health): real unless a test fakes it.</summary>
    public TimeProvider Transport { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "bot.db");

    public WebApplication App { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    /// <summary>The service's own HTTP address (health, admin API, web pages).</summary>
    public Uri WebUrl { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// True when the environment variable <c>D920_TEST_STORAGE</c> is <c>Postgres</c>: every harness then runs the
    /// service on PostgreSQL (a fresh database of <see cref="PostgresCluster"/>) unless its test chose a provider.
    /// </summary>
    public static bool OnPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("D920_TEST_STORAGE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly AsyncLocal<string?> LiteDbOnly = new();

    /// <summary>
    /// Keeps the hosts this test starts on LiteDB under <c>D920_TEST_STORAGE=Postgres</c>: for a test of the embedded
    /// store itself (it reads the file, its instance lock, its migrations, its backups); <paramref name="reason"/> says
    /// which. Called first in the test method: the setting flows with the test's own async flow and nowhere else.
    /// </summary>
    public static void StayOnLiteDb(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        LiteDbOnly.Value = reason;
    }

    /// <summary>The provider this harness's service runs on (the CLI verbs it runs open the same store).</summary>
    public bool UsesPostgres => string.Equals(settings.GetValueOrDefault("Storage:Provider"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL database this harness's service uses, or null on LiteDB.</summary>
    public string? ConnectionString => UsesPostgres ? settings["Storage:ConnectionString"] : null;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="configuration">Extra configuration keys (e.g. "Bot:SuperAdmins:0").</param>
    /// <param name="services">Service overrides, applied after the service's own registrations.</param>
    /// <param name="transport">A fake transport clock for tests of pacing or connection health; the real one otherwise.</param>
    /// <param name="emulator">Share an emulator (e.g. for restart tests with a second harness); otherwise one is started.</param>
    public static async Task<BotHarness> StartAsync(
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? services = null,
        BotApiEmulator? emulator = null,
        DateTimeOffset? start = null,
        bool importDemoUnits = true,
        TimeProvider? transport = null,
        bool webhook = false)
    {
        var owns = emulator is null;
        if (emulator is null)
        {
            emulator = await BotApiEmulator.StartAsync();
            // Conversations send several messages a second; tests of pacing switch Telegram's limits on themselves.
            emulator.RateLimits.Enabled = false;
        }
        var directory = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.Token,
            ["Telegram:ApiBaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Content:Path"] = Path.Combine(RepoRoot, "content"),
            ["Content:WatchForChanges"] = "false",
            ["urls"] = "http://127.0.0.1:0",
            // Telegram's per-chat limit is off in the emulator (above); tests of pacing switch both on themselves.
            ["Delivery:ReplyPerChatInterval"] = "00:00:00",
            // Journeys type faster than a person; the per-person input limit is tested with its own settings.
            ["Telegram:InputBurst"] = "1000",
            ["Telegram:InputPerMinute"] = "6000",
            // Seeded cadres carry a test consent version; asking them again has its own tests (ConsentRenewalTests).
            ["Privacy:AskAgainWhenConsentChanges"] = "false",
            // The daily backup looks at every start and copies a new store at once: a second writer of files beside what
            // a test does (one erasure test once found such a copy written late). Its own tests switch it on.
            ["Backup:Daily"] = "false",
        };
        if (webhook)
        {
            // setWebhook is called at start with the configured address, so the port is chosen before the host binds it.
            var port = FreeLoopbackPort();
            settings["urls"] = $"http://127.0.0.1:{port}";
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/hook";
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }

        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var harness = new BotHarness(emulator, owns, new FakeTimeProvider(start ?? DefaultStart), transport ?? TimeProvider.System, directory, settings, services);
        settings["Storage:DatabasePath"] = harness.DatabasePath;
        if (OnPostgres && LiteDbOnly.Value is null && !settings.ContainsKey("Storage:Provider"))
        {
            // D920_TEST_STORAGE=Postgres: the same tests on a fresh database of the run's throw-away cluster; a restart
            // of this harness opens the same database, as a restarted service would.
            settings["Storage:Provider"] = "Postgres";
            settings["Storage:ConnectionString"] = PostgresCluster.CreateDatabase("host_" + Guid.NewGuid().ToString("N"));
        }

        await harness.StartHostAsync();
        if (importDemoUnits)
        {
            harness.ImportDemoUnits();
        }

        return harness;
    }

    /// <summary>Changes a configuration key for the next <see cref="StartHostAsync"/> (null removes it).</summary>
    public void Configure(string key, string? value)
    {
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = DataDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddDebug();
        if (Environment.GetEnvironmentVariable("D920_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        builder.AddDirective920Bot();
        // The business clock is pinned; the transport clock (pacing, back-off, the scheduler's wake-ups) stays real.
        builder.Services.RemoveAllKeyed<TimeProvider>(Clocks.Business);
        builder.Services.AddKeyedSingleton<TimeProvider>(Clocks.Business, Clock);
        builder.Services.RemoveAllKeyed<TimeProvider>(Clocks.Transport);
        builder.Services.AddKeyedSingleton(Clocks.Transport, Transport);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<PausedTriggers>();
        services?.Invoke(builder.Services);
        App = builder.Build();
        App.MapDirective920Bot();
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WebUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// Runs a Quartz job now, through the real scheduler (its triggers are paused in tests), and waits until it ran.
    /// The job reads the business clock, so what it does depends on <see cref="Clock"/>, never on the real time.
    /// </summary>
    public async Task RunJobAsync(JobKey job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        // The run is recognised by a token in its trigger's data: the scheduler may be running the same job on its own
        // schedule (a StartNow trigger at start), and that run's end must not be taken for this one's.
        var ran = new JobRan(job);
        scheduler.ListenerManager.AddJobListener(ran, Matchers.Key(job));
        try
        {
            await scheduler.TriggerJob(job, new JobDataMap { [JobRan.TokenKey] = ran.Token });
            var error = await ran.Done.WaitAsync(Wait);
            if (error is not null)
            {
                throw new InvalidOperationException($"Job {job} failed.", error);
            }
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(ran.Name);
        }
    }

    /// <summary>
    /// Takes the store away under the running service, as a lost disk or server would: the LiteDB file is closed; the
    /// PostgreSQL database is dropped with its connections.
    /// </summary>
    public void MakeStoreUnavailable()
    {
        if (UsesPostgres)
        {
            PostgresCluster.DropDatabase(ConnectionString!);
        }
        else
        {
            Get<Directive920Bot.Storage.LiteDb.Database>().Dispose();
        }
    }

    /// <summary>Runs a CLI verb as an operator on this machine would: the service's business clock, the real transport clock.</summary>
    public Task<int> RunCliAsync(TextWriter output, params string[] args) =>
        Cli.RunAsync(args, new CliContext(output, Clock, Transport, b =>
        {
            if (UsesPostgres)
            {
                b.Configuration["Storage:Provider"] = settings["Storage:Provider"];
                b.Configuration["Storage:ConnectionString"] = settings["Storage:ConnectionString"];
            }

            b.AddStoreProvider();
        }));

    /// <summary>
    /// This harness's store opened as the service opens it (its provider, its file or database, the harness's business
    /// clock), without the service: for a test that writes what a crash would have left while the host is stopped.
    /// Dispose it before the host starts again (a LiteDB file has one opener at a time).
    /// </summary>
    public IHost OpenStore()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:DatabasePath"] = DatabasePath;
        if (UsesPostgres)
        {
            builder.Configuration["Storage:Provider"] = settings["Storage:Provider"];
            builder.Configuration["Storage:ConnectionString"] = settings["Storage:ConnectionString"];
        }

        builder.Services.AddKeyedSingleton<TimeProvider>(Clocks.Business, Clock);
        builder.AddStoreProvider();
        return builder.Build();
    }

    /// <summary>Stops the service as a clean shutdown would; the database and the emulator stay.</summary>
    public async Task StopHostAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public void ImportDemoUnits()
    {
        using var reader = new StreamReader(Path.Combine(RepoRoot, "content", "demo", "units.csv"));
        var result = Get<UnitImporter>().Import("units.csv", reader);
        if (!result.Ok)
        {
            throw new InvalidOperationException(string.Join('\n', result.Errors));
        }
    }

    public EmulatedUser User(long id, string firstName = "Cán bộ", string language = "vi") =>
        Emulator.Users.FirstOrDefault(u => u.Id == id) ?? Emulator.AddUser(id, firstName, languageCode: language);

    public IReadOnlyList<ChatMessage> BotMessages(long chatId) => Emulator.Transcript(chatId).Where(m => m.FromBot).ToList();

    /// <summary>Runs a user action and returns the first bot message sent after it.</summary>
    public async Task<ChatMessage> ExpectReplyAsync(long chatId, Action action, Func<ChatMessage, bool>? match = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = BotMessages(chatId).Select(m => m.MessageId).ToHashSet();
        action();
        ChatMessage? found = null;
        try
        {
            await Emulator.WaitUntilAsync(() =>
            {
                found = BotMessages(chatId).FirstOrDefault(m => !before.Contains(m.MessageId) && (match is null || match(m)));
                return found is not null;
            }, Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No reply came. Transcript:\n" + Emulator.DescribeTranscript(chatId));
        }

        return found!;
    }

    public Task<ChatMessage> SayAsync(long userId, string text, Func<ChatMessage, bool>? match = null) =>
        ExpectReplyAsync(userId, () => Emulator.SendText(userId, text), match);

    /// <summary>Presses the button whose label contains <paramref name="label"/> and waits until the bot answered the press.</summary>
    public async Task<string> PressAsync(long userId, ChatMessage message, string label)
    {
        ArgumentNullException.ThrowIfNull(message);
        var current = Emulator.Transcript(userId).Single(m => m.MessageId == message.MessageId);
        var button = current.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text.Contains(label, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No button '{label}' on message {message.MessageId}: {string.Join(", ", current.Buttons.SelectMany(r => r).Select(b => b.Text))}");
        var id = Emulator.PressButton(userId, message.MessageId, button.CallbackData!);
        await Emulator.WaitUntilAsync(() => Emulator.GetCallbackAnswer(id)?.Answered == true, Wait);
        return id;
    }

    public async Task<ChatMessage> PressAndExpectReplyAsync(long userId, ChatMessage message, string label, Func<ChatMessage, bool>? match = null)
    {
        var before = BotMessages(userId).Select(m => m.MessageId).ToHashSet();
        await PressAsync(userId, message, label);
        ChatMessage? found = null;
        try
        {
            await Emulator.WaitUntilAsync(() =>
            {
                found = BotMessages(userId).FirstOrDefault(m => !before.Contains(m.MessageId) && (match is null || match(m)));
                return found is not null;
            }, Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No reply after pressing '{label}'. Transcript:\n" + Emulator.DescribeTranscript(userId));
        }

        return found!;
    }

    /// <summary>An HTTP client for the service's own web surface (health, admin API).</summary>
    public HttpClient Http() => new() { BaseAddress = WebUrl };

    public ChatMessage Current(long chatId, int messageId) => Emulator.Transcript(chatId).Single(m => m.MessageId == messageId);

    /// <summary>Drives the whole registration dialogue; returns the stored subscriber.</summary>
    public async Task<Subscriber> RegisterAsync(long userId, string fullName = "Nguyễn Văn An", string unitCode = "SNV-VP", bool leader = false, string language = "vi")
    {
        User(userId, fullName.Split(' ')[^1], language);
        var welcome = await SayAsync(userId, "/start");
        if (language == "en" && !welcome.Text!.Contains("Welcome", StringComparison.Ordinal))
        {
            await PressAsync(userId, welcome, "English");
        }

        var askName = await PressAndExpectReplyAsync(userId, welcome, language == "en" ? "I agree" : "Đồng ý");
        _ = askName;
        var unitPrompt = await SayAsync(userId, fullName);
        var unitName = Get<IUnits>().Find(unitCode)!.Name;
        var matches = await SayAsync(userId, unitCode);
        var rolePrompt = await PressAndExpectReplyAsync(userId, matches, unitName);
        _ = unitPrompt;
        var summary = await PressAndExpectReplyAsync(userId, rolePrompt, leader ? (language == "en" ? "Leader" : "Lãnh đạo") : (language == "en" ? "Cadre" : "Cán bộ"));
        await PressAndExpectReplyAsync(userId, summary, language == "en" ? "Confirm" : "Xác nhận");
        return Get<ISubscribers>().Find(userId)!;
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

        if (ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Pauses every trigger before the scheduler starts: in production Quartz wakes the jobs on the transport clock; in
    /// tests nothing may race a wall-clock trigger, so tests run jobs explicitly with <see cref="RunJobAsync"/>.
    /// </summary>
    private sealed class PausedTriggers(ISchedulerFactory schedulers) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
            {
                foreach (var trigger in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken))
                {
                    await scheduler.PauseTrigger(trigger, cancellationToken);
                }
            }
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class JobRan(JobKey job) : IJobListener
    {
        public const string TokenKey = "test-run";

        private readonly TaskCompletionSource<Exception?> done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Token { get; } = Guid.NewGuid().ToString("N");

        public string Name => "test-run:" + job + ":" + Token;

        public Task<Exception?> Done => done.Task;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Trigger.JobDataMap.TryGetString(TokenKey, out var token) && token == Token)
            {
                done.TrySetResult(jobException);
            }

            return ValueTask.CompletedTask;
        }
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
