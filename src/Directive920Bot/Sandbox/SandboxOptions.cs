namespace Directive920Bot.Sandbox;

/// <summary>Sandbox mode: the no-token try-out with the in-process emulator. Never active when a bot token is configured.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>
    /// Unset: the sandbox starts without a token only in the Development environment (as <c>dotnet run</c> sets through
    /// launchSettings.json). <c>true</c>: it starts without a token in any environment (still loopback only);
    /// <c>false</c>: never — a missing token stops the start.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The sandbox's own database; never the production <c>Storage:DatabasePath</c>.</summary>
    public string DatabasePath { get; set; } = "data/sandbox.db";

    /// <summary>Start over: delete the sandbox database (and its clock) before starting. Otherwise a second run reuses it.</summary>
    public bool Reset { get; set; }

    /// <summary>Simulated start time of a fresh sandbox (e.g. 2026-12-01T08:00:00+07:00); empty = now, or the next lesson time when now is silent.</summary>
    public DateTimeOffset? StartAt { get; set; }
}
