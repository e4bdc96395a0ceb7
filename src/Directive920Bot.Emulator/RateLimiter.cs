namespace Directive920Bot.Emulator;

/// <summary>Per-chat flood state, guarded by the <see cref="RateLimiter"/> lock.</summary>
internal sealed class ChatFloodState
{
    public long LastSendTicks = long.MinValue;
    public long PenaltyUntilTicks = long.MinValue;
}

internal readonly record struct RateDecision(bool Limited, int RetryAfter, bool DuringPenalty);

/// <summary>Telegram-like flood control: a sliding one-second window for the bot plus spacing per chat, each with a penalty.</summary>
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider time)
{
    // Held only for a few comparisons, never across I/O.
    private readonly Lock _gate = new();
    private readonly Queue<long> _window = new();
    private readonly Queue<long> _freeWindow = new();
    private long _globalPenaltyUntil = long.MinValue;

    public RateDecision Check(bool countGlobal, ChatFloodState? chat, bool paidBroadcast = false)
    {
        if (!options.Enabled || (!countGlobal && chat is null))
        {
            return default;
        }

        var now = time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (countGlobal && now < _globalPenaltyUntil)
            {
                return new RateDecision(true, SecondsLeft(_globalPenaltyUntil, now), true);
            }

            if (chat is not null && now < chat.PenaltyUntilTicks)
            {
                return new RateDecision(true, SecondsLeft(chat.PenaltyUntilTicks, now), true);
            }

            if (countGlobal)
            {
                var windowStart = now - TimeSpan.TicksPerSecond;
                while (_window.Count > 0 && _window.Peek() <= windowStart)
                {
                    _window.Dequeue();
                }

                while (_freeWindow.Count > 0 && _freeWindow.Peek() <= windowStart)
                {
                    _freeWindow.Dequeue();
                }

                // Paid sends count against the paid limit only; free sends against the free limit, and both fill the paid one.
                if (paidBroadcast ? _window.Count >= options.PaidPerBotPerSecond : _freeWindow.Count >= options.PerBotPerSecond)
                {
                    var retry = Math.Max(1, options.GlobalRetryAfterSeconds);
                    _globalPenaltyUntil = now + (retry * TimeSpan.TicksPerSecond);
                    return new RateDecision(true, retry, false);
                }
            }

            if (chat is not null && chat.LastSendTicks != long.MinValue && now - chat.LastSendTicks < options.PerChatInterval.Ticks)
            {
                var retry = Math.Max(1, options.ChatRetryAfterSeconds);
                chat.PenaltyUntilTicks = now + (retry * TimeSpan.TicksPerSecond);
                return new RateDecision(true, retry, false);
            }

            if (countGlobal)
            {
                _window.Enqueue(now);
                if (!paidBroadcast)
                {
                    _freeWindow.Enqueue(now);
                }
            }

            if (chat is not null)
            {
                chat.LastSendTicks = now;
            }

            return default;
        }
    }

    private static int SecondsLeft(long until, long now) => (int)Math.Max(1, (until - now + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
}
