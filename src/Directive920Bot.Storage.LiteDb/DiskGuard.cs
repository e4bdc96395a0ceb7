using System.Globalization;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Refuses a write before LiteDB starts it when the disk under the database cannot take it: a read-only file system,
/// or less free space than <see cref="StorageOptions.MinimumFreeMegabytes"/>. LiteDB 5.0.21 cannot survive a write the
/// disk refuses half-way: its background log writer closes the engine, and the abandoned transaction's finalizer then
/// fails a check ("discarded page must be writable", litedb-org/LiteDB#2586 and #2574) on the finalizer thread, which
/// ends the process. Refused here, the write fails with a message that says what to do, nothing is half-written, and
/// the next write after the fault is gone succeeds. The margin makes the race (the disk filling between the check and
/// the write) need a single transaction larger than the margin.
/// </summary>
internal sealed class DiskGuard(string databasePath, long minimumFreeBytes, TimeProvider transport)
{
    // The mount table is read at most this often: a remount is an operator's act, seconds matter less than commits.
    private static readonly TimeSpan MountCheckInterval = TimeSpan.FromSeconds(1);

    private readonly string directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
    private long checkedAt = long.MinValue;
    private bool readOnly;

    /// <summary>Null when the write may go ahead; otherwise why not, in words for the operator.</summary>
    public string? WhyNot()
    {
        if (OperatingSystem.IsLinux() && IsReadOnlyNow())
        {
            return $"The file system holding {databasePath} is read-only: nothing was written. Make it writable and the next write goes ahead.";
        }

        if (minimumFreeBytes <= 0)
        {
            return null;
        }

        var free = FreeBytes();
        return free is { } bytes && bytes < minimumFreeBytes
            ? string.Create(CultureInfo.InvariantCulture, $"Not enough space on the disk holding {databasePath}: {bytes / 1048576.0:0.0} MB free, below Storage:MinimumFreeMegabytes = {minimumFreeBytes / 1048576} MB: nothing was written. Free space and the next write goes ahead.")
            : null;
    }

    /// <summary>True when the mount that holds <paramref name="path"/> is mounted read-only, from /proc/self/mountinfo's text.</summary>
    public static bool IsReadOnly(string path, string mountInfo)
    {
        ArgumentNullException.ThrowIfNull(mountInfo);
        string? best = null;
        var bestReadOnly = false;
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue": field 5 is the
            // mount point (octal escapes for spaces), field 6 the mount's own options.
            var fields = line.Split(' ');
            if (fields.Length < 6)
            {
                continue;
            }

            var mountPoint = Unescape(fields[4]);
            var under = path == mountPoint || mountPoint == "/" || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (under && (best is null || mountPoint.Length >= best.Length))
            {
                best = mountPoint;
                bestReadOnly = fields[5].Split(',').Contains("ro", StringComparer.Ordinal);
            }
        }

        return bestReadOnly;
    }

    private bool IsReadOnlyNow()
    {
        var now = transport.GetTimestamp();
        if (checkedAt != long.MinValue && transport.GetElapsedTime(checkedAt, now) < MountCheckInterval)
        {
            return readOnly;
        }

        checkedAt = now;
        try
        {
            readOnly = IsReadOnly(directory, File.ReadAllText("/proc/self/mountinfo"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            readOnly = false; // no mount table to read: the write itself will tell
        }

        return readOnly;
    }

    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
}
