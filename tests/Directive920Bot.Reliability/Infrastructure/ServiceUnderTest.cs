using System.Collections.Concurrent;
using System.Globalization;
using Directive920Bot.Emulator;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// One database in a temp folder, the emulator this test hosts, and the environment that points the service process at
/// both; counts the bot messages the emulator received per chat, by a marker in their text.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(long Chat, int Message), string> received = new();

    private ServiceUnderTest(BotApiEmulator emulator, string directory)
    {
        Emulator = emulator;
        DataDirectory = directory;
        Environment = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = emulator.Token,
            ["Telegram__ApiBaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            // The cadres the store inspector seeds consented to this version: the consent gate lets them through.
            ["Privacy__ConsentVersion"] = "reliability",
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Storage__DatabasePath"] = Path.Combine(directory, "bot.db"),
            ["Content__Path"] = Path.Combine(BotHarness.RepoRoot, "content"),
            ["Content__WatchForChanges"] = "false",
            ["urls"] = "http://127.0.0.1:0",
            // Only the campaign under test: no drip track, no quiet hours, weekends or holidays (the suite runs at any
            // hour, and under faketime at a Saturday night of Tết).
            ["Delivery__TrackEnabled"] = "false",
            ["Delivery__QuietStart"] = "00:00",
            ["Delivery__QuietEnd"] = "00:00",
            ["Delivery__QuietWeekends"] = "false",
            ["Delivery__QuietHolidays"] = "false",
            ["Delivery__TickInterval"] = "00:00:01",
            ["Delivery__MessagesPerSecond"] = "1000",
            ["Delivery__PerChatInterval"] = "00:00:00",
            ["Delivery__MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture),
        };
        emulator.MessageChanged += (_, message) =>
        {
            if (message.FromBot && message.Text is { } text)
            {
                received.TryAdd((message.ChatId, message.MessageId), text);
            }
        };
    }

    public const int MaxConcurrency = 8;

    public BotApiEmulator Emulator { get; }

    public string DataDirectory { get; }

    public Dictionary<string, string> Environment { get; }

    public static async Task<ServiceUnderTest> CreateAsync()
    {
        var emulator = await BotApiEmulator.StartAsync();
        // The broadcast is paced by the service; Telegram's limits are the storm test's subject, not this one's.
        emulator.RateLimits.Enabled = false;
        var directory = Path.Combine(Path.GetTempPath(), "d920-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new ServiceUnderTest(emulator, directory);
    }

    public StoreInspector Inspect() => StoreInspector.Open(Environment);

    public ServiceProcess StartService() => ServiceProcess.Start(Environment);

    /// <summary>Seeds the demo units and <paramref name="count"/> cadres from id 100,001 on, in the store and in the emulator.</summary>
    public async Task<IReadOnlyList<long>> SeedCadresAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => 100_001L + i).ToList();
        foreach (var id in ids)
        {
            Emulator.AddUser(id, "Cán bộ", id.ToString(CultureInfo.InvariantCulture));
        }

        await using var store = Inspect();
        store.ImportDemoUnits();
        store.SeedCadres(ids);
        return ids;
    }

    /// <summary>Bot messages received so far whose text contains <paramref name="marker"/>.</summary>
    public int Received(string marker) => received.Values.Count(t => t.Contains(marker, StringComparison.Ordinal));

    /// <summary>Per chat, the message ids of the bot messages containing <paramref name="marker"/>.</summary>
    public Dictionary<long, List<int>> ReceivedBy(string marker) =>
        received.Where(kv => kv.Value.Contains(marker, StringComparison.Ordinal))
            .GroupBy(kv => kv.Key.Chat)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key.Message).Order().ToList());

    /// <summary>Waits on the emulator (re-checked on every change) until <paramref name="condition"/> holds.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => Emulator.WaitUntilAsync(condition, timeout);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
