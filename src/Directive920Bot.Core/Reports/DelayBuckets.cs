namespace Directive920Bot.Reports;

/// <summary>
/// Acknowledgement delays in buckets: each minute for the first hour, each hour up to two days, each day up to 30 days.
/// The median is reported as the lower bound of the bucket it falls in.
/// </summary>
public static class DelayBuckets
{
    public const int Count = 60 + 47 + 29 + 1;

    public static int Index(TimeSpan delay)
    {
        var minutes = Math.Max(0, (long)delay.TotalMinutes);
        if (minutes < 60)
        {
            return (int)minutes;
        }

        var hours = minutes / 60;
        if (hours < 48)
        {
            return 60 + (int)hours - 1;
        }

        var days = hours / 24;
        return days < 31 ? 60 + 47 + (int)days - 2 : Count - 1;
    }

    public static TimeSpan LowerBound(int index) => index switch
    {
        < 60 => TimeSpan.FromMinutes(index),
        < 107 => TimeSpan.FromHours(index - 60 + 1),
        < Count - 1 => TimeSpan.FromDays(index - 107 + 2),
        _ => TimeSpan.FromDays(31),
    };

    /// <summary>The lower median over a histogram; null when it is empty.</summary>
    public static TimeSpan? Median(IReadOnlyList<int> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long total = histogram.Sum(c => (long)c);
        if (total == 0)
        {
            return null;
        }

        var rank = (total + 1) / 2;
        long seen = 0;
        for (var i = 0; i < histogram.Count; i++)
        {
            seen += histogram[i];
            if (seen >= rank)
            {
                return LowerBound(i);
            }
        }

        return LowerBound(histogram.Count - 1);
    }
}
