using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Emulator.Tests;

/// <summary>One emulator per test plus a real Telegram.Bot client that never auto-retries 429s.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected const long Alice = 1001;
    protected const long Bob = 1002;

    protected BotApiEmulator Emulator { get; private set; } = null!;

    protected TelegramBotClient Bot { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    /// <summary>Limits are off by default so ordinary tests are not paced; rate-limit tests turn them on.</summary>
    protected virtual EmulatorOptions CreateOptions() => new() { RateLimits = { Enabled = false } };

    public virtual async Task InitializeAsync()
    {
        Emulator = await BotApiEmulator.StartAsync(CreateOptions());
        Bot = CreateClient(Emulator.Token);
        Emulator.AddUser(Alice, "Alice", username: "alice", languageCode: "vi");
        Emulator.AddUser(Bob, "Bob", languageCode: "en");
    }

    protected TelegramBotClient CreateClient(string token, HttpClient? http = null) =>
        new(new TelegramBotClientOptions(token, Emulator.BaseUrl.ToString().TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 }, http ?? Http);

    /// <summary>Reads all pending updates and confirms them, like a polling bot would.</summary>
    protected async Task<Update[]> DrainUpdatesAsync()
    {
        var updates = await Bot.GetUpdates(timeout: 0);
        if (updates.Length > 0)
        {
            await Bot.GetUpdates(offset: updates[^1].Id + 1, timeout: 0);
        }

        return updates;
    }

    public virtual async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Http.Dispose();
    }
}
