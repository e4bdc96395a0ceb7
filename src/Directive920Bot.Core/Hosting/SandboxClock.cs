using System.Globalization;

namespace Directive920Bot.Hosting;

/// <summary>
/// The business clock of sandbox mode (<see cref="Hosting.Clocks.Business"/>): the transport clock keeps flowing, plus an offset the newcomer moves forward
/// ("+1 giờ", "+1 ngày", "Sự kiện kế tiếp"). The offset is kept in a file beside the sandbox database, so a reused
/// sandbox never sees time run backwards.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider real;
    private readonly string? offsetFile;
    private readonly Lock gate = new();
    private TimeSpan offset;

    public SandboxClock(TimeProvider real, string? offsetFile)
    {
        ArgumentNullException.ThrowIfNull(real);
        this.real = real;
        this.offsetFile = offsetFile;
        if (offsetFile is not null && File.Exists(offsetFile) &&
            long.TryParse(File.ReadAllText(offsetFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            offset = TimeSpan.FromTicks(ticks);
            IsFresh = false;
        }
        else
        {
            IsFresh = true;
        }
    }

    /// <summary>Where the clock of the sandbox database <paramref name="databasePath"/> is kept.</summary>
    public static string PathFor(string databasePath) => Path.ChangeExtension(databasePath, ".clock");

    /// <summary>True when no offset was stored yet (a new sandbox).</summary>
    public bool IsFresh { get; }

    public TimeSpan Offset
    {
        get
        {
            lock (gate)
            {
                return offset;
            }
        }
    }

    /// <summary>Raised after the clock moved forward.</summary>
    public event EventHandler<DateTimeOffset>? Moved;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>Moves the clock forward; the sandbox never goes back in time (stored instants would be in the future).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock only moves forward.");
        }

        DateTimeOffset now;
        lock (gate)
        {
            offset += by;
            Persist();
            now = real.GetUtcNow() + offset;
        }

        Moved?.Invoke(this, now);
        return now;
    }

    /// <summary>Sets where a fresh sandbox starts (may be in the past); refused once the sandbox has a stored clock.</summary>
    public void StartAt(DateTimeOffset instant) => SetInitialOffset(instant - real.GetUtcNow());

    private void SetInitialOffset(TimeSpan initial)
    {
        if (!IsFresh)
        {
            throw new InvalidOperationException("The sandbox clock already runs; it only moves forward now.");
        }

        lock (gate)
        {
            offset = initial;
            Persist();
        }
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>; an instant already passed leaves it unchanged.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset instant)
    {
        var gap = instant - GetUtcNow();
        return gap > TimeSpan.Zero ? Advance(gap) : GetUtcNow();
    }

    private void Persist()
    {
        if (offsetFile is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(offsetFile))!);
        File.WriteAllText(offsetFile, offset.Ticks.ToString(CultureInfo.InvariantCulture));
    }
}
