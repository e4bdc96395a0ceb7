using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Directive920Bot.Channels;

/// <summary>
/// A token bucket per sender (<see cref="PartitionedRateLimiter"/> keyed by the channel address, registered or not):
/// input beyond it is dropped before it is stored or any handler runs, after one polite notice per notice window. So one
/// person sending 50 messages a second costs the bot one reply, not fifty, and other cadres' replies keep flowing. Each
/// channel adapter holds one, with its own configured limits.
/// </summary>
public sealed class InputThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<ChannelAddress> limiter;
    private readonly ConcurrentDictionary<ChannelAddress, DateTimeOffset> noticedAt = new();
    private readonly TimeProvider transport;
    private readonly TimeSpan noticeWindow;

    /// <param name="burst">Input handled in a burst before the limit applies.</param>
    /// <param name="perMinute">The sustained rate handled; more is dropped.</param>
    /// <param name="noticeWindow">At most one "too many messages" notice per sender in this window.</param>
    /// <param name="transport">The transport clock (the notice window is pacing, not business time).</param>
    public InputThrottle(int burst, int perMinute, TimeSpan noticeWindow, TimeProvider transport)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        this.transport = transport;
        this.noticeWindow = noticeWindow;
        // The library times its buckets itself (it reads no clock of ours); refilling one token at a time keeps the
        // sustained rate at InputPerMinute with bursts of InputBurst.
        limiter = PartitionedRateLimiter.Create<ChannelAddress, ChannelAddress>(person => RateLimitPartition.GetTokenBucketLimiter(person, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether this input of <paramref name="sender"/> is handled (true) or dropped (false).</summary>
    public bool TryAdmit(ChannelAddress sender)
    {
        using var lease = limiter.AttemptAcquire(sender);
        return lease.IsAcquired;
    }

    /// <summary>For dropped input: true once per notice window per sender (that one gets the polite notice), then false.</summary>
    public bool ShouldNotice(ChannelAddress sender)
    {
        var now = transport.GetUtcNow();
        while (true)
        {
            if (!noticedAt.TryGetValue(sender, out var last))
            {
                if (noticedAt.TryAdd(sender, now))
                {
                    Prune(now);
                    return true;
                }

                continue;
            }

            if (now - last < noticeWindow)
            {
                return false;
            }

            if (noticedAt.TryUpdate(sender, now, last))
            {
                return true;
            }
        }
    }

    public void Dispose() => limiter.Dispose();

    private void Prune(DateTimeOffset now)
    {
        // Bounded memory under many flooding ids: notices older than the window are forgotten.
        if (noticedAt.Count < 10_000)
        {
            return;
        }

        foreach (var (id, at) in noticedAt)
        {
            if (now - at >= noticeWindow)
            {
                noticedAt.TryRemove(id, out _);
            }
        }
    }
}
