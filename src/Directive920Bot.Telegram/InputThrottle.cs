using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

/// <summary>
/// A token bucket per person (<see cref="PartitionedRateLimiter"/> keyed by the Telegram user id, registered or not):
/// input beyond it is dropped before any handler runs, after one polite notice per <see cref="TelegramOptions.InputNoticeWindow"/>.
/// So one person sending 50 messages a second costs the bot one reply, not fifty, and other cadres' replies keep flowing.
/// </summary>
public sealed class InputThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter;
    private readonly ConcurrentDictionary<long, DateTimeOffset> noticedAt = new();
    private readonly TimeProvider transport;
    private readonly TimeSpan noticeWindow;

    public InputThrottle(IOptions<TelegramOptions> options, [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        this.transport = transport;
        noticeWindow = o.InputNoticeWindow;
        var burst = o.InputBurst;
        var perMinute = o.InputPerMinute;
        // The library times its buckets itself (it reads no clock of ours); refilling one token at a time keeps the
        // sustained rate at InputPerMinute with bursts of InputBurst.
        limiter = PartitionedRateLimiter.Create<long, long>(person => RateLimitPartition.GetTokenBucketLimiter(person, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether this input of <paramref name="personId"/> is handled (true) or dropped (false).</summary>
    public bool TryAdmit(long personId)
    {
        using var lease = limiter.AttemptAcquire(personId);
        return lease.IsAcquired;
    }

    /// <summary>For dropped input: true once per notice window per person (that one gets the polite notice), then false.</summary>
    public bool ShouldNotice(long personId)
    {
        var now = transport.GetUtcNow();
        while (true)
        {
            if (!noticedAt.TryGetValue(personId, out var last))
            {
                if (noticedAt.TryAdd(personId, now))
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

            if (noticedAt.TryUpdate(personId, now, last))
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
