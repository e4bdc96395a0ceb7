namespace Directive920Bot.Emulator;

/// <summary>
/// A fault of the Zalo dialect (<see cref="ZaloDialect.InjectFault"/>), like <see cref="FaultRule"/> for Telegram but with
/// Zalo's string ids. Zalo publishes no rate limits nor a retry field in its error body: a 429 carries the standard
/// <c>Retry-After</c> header when <see cref="RetryAfter"/> is set, which is what the Zalo client reads.
/// </summary>
public sealed class ZaloFaultRule
{
    /// <summary>The method name, case-insensitive; null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>The <c>chat_id</c> of the call; null matches every chat (and calls without one).</summary>
    public string? ChatId { get; init; }

    public FaultKind Kind { get; init; } = FaultKind.Error;

    public int StatusCode { get; init; } = 500;

    public string? Description { get; init; }

    /// <summary>Seconds sent in a <c>Retry-After</c> header (use with 429).</summary>
    public int? RetryAfter { get; init; }

    /// <summary>How many matching calls to break; null until <see cref="ZaloDialect.ClearFaults"/>.</summary>
    public int? Count { get; init; }

    /// <summary><see cref="FaultKind.Timeout"/>: how long the call is held; <see cref="FaultKind.Abort"/>: before the connection is dropped.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(30);
}
