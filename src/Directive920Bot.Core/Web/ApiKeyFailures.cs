using System.Threading.RateLimiting;

namespace Directive920Bot.Web;

/// <summary>
/// Failed API-key attempts per remote address (a fixed-window limiter per IP): after
/// <see cref="PerMinute"/> wrong keys in a minute that address gets 429 with Retry-After for the rest of the minute,
/// whatever key it presents, so keys cannot be guessed at speed.
/// </summary>
public sealed class ApiKeyFailures : IDisposable
{
    public const int PerMinute = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>This address used up its failures of the current window.</summary>
    public bool IsThrottled(string address) => limiter.GetStatistics(address) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Counts one wrong key from this address.</summary>
    public void Record(string address)
    {
        using var lease = limiter.AttemptAcquire(address);
    }

    public void Dispose() => limiter.Dispose();
}
