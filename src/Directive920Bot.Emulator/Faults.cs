namespace Directive920Bot.Emulator;

public enum FaultKind
{
    /// <summary>Respond with <see cref="FaultRule.StatusCode"/> and a Bot API error body.</summary>
    Error,

    /// <summary>Hold the request for <see cref="FaultRule.Delay"/>, then handle it normally (unless the client gave up first).</summary>
    Timeout,

    /// <summary>Wait <see cref="FaultRule.Delay"/> (may be zero), then drop the connection without a response.</summary>
    Abort,
}

/// <summary>Which requests to break and how. Null Method/ChatId match everything.</summary>
public sealed class FaultRule
{
    /// <summary>Bot API method name, case-insensitive.</summary>
    public string? Method { get; init; }

    public long? ChatId { get; init; }

    public FaultKind Kind { get; init; } = FaultKind.Error;

    public int StatusCode { get; init; } = 500;

    /// <summary>Null derives a Telegram-like text from the status code.</summary>
    public string? Description { get; init; }

    /// <summary>Sent as parameters.retry_after (use with 429).</summary>
    public int? RetryAfter { get; init; }

    /// <summary>How many matching requests to break; null = until removed.</summary>
    public int? Count { get; init; }

    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Share of matching requests to break, drawn per request from a generator seeded with <see cref="Seed"/>
    /// (a flaky network); null breaks every matching request. A request not drawn is left to the next rule.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>With <see cref="RetryAfter"/>: each broken request draws its retry_after from RetryAfter…RetryAfterMax.</summary>
    public int? RetryAfterMax { get; init; }

    /// <summary>Seed of the draws of <see cref="Probability"/> and <see cref="RetryAfterMax"/>, so a storm repeats.</summary>
    public int Seed { get; init; } = 920;
}

/// <summary>An injected fault; dispose or <see cref="Remove"/> to lift it.</summary>
public sealed class FaultHandle : IDisposable
{
    private readonly Action<FaultHandle> _remove;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private int _remaining;
    private int _hits;

    internal FaultHandle(FaultRule rule, Action<FaultHandle> remove)
    {
        Rule = rule;
        _remove = remove;
        _remaining = rule.Count ?? -1;
        _random = new Random(rule.Seed);
    }

    public FaultRule Rule { get; }

    /// <summary>Requests this fault has broken so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public bool Exhausted => Rule.Count is not null && Volatile.Read(ref _remaining) <= 0;

    public void Remove() => _remove(this);

    public void Dispose() => Remove();

    internal bool Matches(string method, long? chatId) =>
        (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
        && (Rule.ChatId is null || Rule.ChatId == chatId);

    /// <summary>Claims one use; false once a counted fault is used up.</summary>
    internal bool TryConsume()
    {
        if (Rule.Probability is { } probability && Draw() >= probability)
        {
            return false;
        }

        if (Rule.Count is null)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }

    /// <summary>The retry_after of the request being broken: fixed, or drawn when <see cref="FaultRule.RetryAfterMax"/> is set.</summary>
    internal int? NextRetryAfter()
    {
        if (Rule.RetryAfter is not { } low || Rule.RetryAfterMax is not { } high || high <= low)
        {
            return Rule.RetryAfter;
        }

        lock (_randomGate)
        {
            return _random.Next(low, high + 1);
        }
    }

    private double Draw()
    {
        lock (_randomGate)
        {
            return _random.NextDouble();
        }
    }
}
