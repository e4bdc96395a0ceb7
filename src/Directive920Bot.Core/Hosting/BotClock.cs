using Microsoft.Extensions.Options;

namespace Directive920Bot.Hosting;

/// <summary>The business clock (<see cref="Clocks.Business"/>) together with the zone that schedules are written in.</summary>
public sealed class BotClock
{
    // Vietnam has kept UTC+07:00 without DST since 1975, so a fixed zone is a faithful fallback without tzdata.
    private static readonly TimeZoneInfo VietnamFallback =
        TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time (UTC+07:00)", "ICT");

    public BotClock([FromKeyedServices(Clocks.Business)] TimeProvider time, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Time = time;
        TryResolveZone(options.Value.TimeZone, out var zone);
        Zone = zone;
    }

    public TimeProvider Time { get; }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(UtcNow, Zone).DateTime;

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone).DateTime;

    /// <summary>Converts a local wall-clock time in <see cref="Zone"/> to a UTC instant.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    public static bool TryResolveZone(string? id, out TimeZoneInfo zone)
    {
        zone = VietnamFallback;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
            return true;
        }

        // Without tzdata only the product's own zone can be honoured, and only through the fixed fallback.
        return id is "Asia/Ho_Chi_Minh" or "Asia/Saigon" or "SE Asia Standard Time";
    }
}
