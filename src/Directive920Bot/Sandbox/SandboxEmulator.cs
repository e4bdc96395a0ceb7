namespace Directive920Bot.Sandbox;

/// <summary>The in-process emulator of sandbox mode.</summary>
public sealed class SandboxEmulator : IAsyncDisposable
{
    private SandboxEmulator(Directive920Bot.Emulator.BotApiEmulator emulator) => Emulator = emulator;

    public Directive920Bot.Emulator.BotApiEmulator Emulator { get; }

    public static SandboxEmulator Start(TimeProvider clock)
    {
        var options = new Directive920Bot.Emulator.EmulatorOptions { TimeProvider = clock };
        // A conversation answers with several messages a second; one newcomer never reaches Telegram's real limits.
        options.RateLimits.Enabled = false;
        // Called from a DI factory while the host starts: there is no synchronization context to deadlock on.
        return new SandboxEmulator(Directive920Bot.Emulator.BotApiEmulator.StartAsync(options).GetAwaiter().GetResult());
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
