namespace Directive920Bot.Channels;

/// <summary>Keeps the update ids accepted lately as few disjoint ranges: ids are consecutive, so one range usually covers all.</summary>
public static class SeenRanges
{
    /// <summary>
    /// At most this many ranges of seen ids are kept. Forgetting a range lets its ids be handled again, so the cap is
    /// far above what arrivals out of order can split the ids into: Telegram sends a webhook at most
    /// <c>max_connections</c> (≤ 100) updates at once, and a gap closes once its update arrives. (It was 64: two
    /// instances taking 160 updates at once, arriving newest first, split them into 66 ranges, and the oldest one was
    /// dropped while its update's second delivery was still on the way, which was then handled twice.)
    /// </summary>
    public const int MaxRanges = 1024;

    /// <summary>The <see cref="MaxRanges"/> ranges seen last (at one instant, those of the highest ids), in id order.</summary>
    public static List<SeenRange> Newest(List<SeenRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return ranges.Count <= MaxRanges ? ranges : [.. ranges.OrderByDescending(r => r.LastSeenAt).ThenByDescending(r => r.To).Take(MaxRanges).OrderBy(r => r.From)];
    }

    /// <summary>
    /// Adds <paramref name="id"/>, seen at <paramref name="at"/>, to disjoint ranges kept in id order, joining neighbours.
    /// Looks from the newest end: a new update id is nearly always the next one.
    /// </summary>
    public static void Remember(List<SeenRange> ranges, int id, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            var range = ranges[i];
            var latest = at > range.LastSeenAt ? at : range.LastSeenAt;
            if (id > range.To + 1)
            {
                ranges.Insert(i + 1, new SeenRange(id, id, at));
                return;
            }

            if (id == range.To + 1)
            {
                ranges[i] = range with { To = id, LastSeenAt = latest };
                if (i + 1 < ranges.Count && ranges[i + 1].From == id + 1)
                {
                    ranges[i] = ranges[i] with { To = ranges[i + 1].To, LastSeenAt = ranges[i + 1].LastSeenAt > latest ? ranges[i + 1].LastSeenAt : latest };
                    ranges.RemoveAt(i + 1);
                }

                return;
            }

            if (id >= range.From)
            {
                return;
            }

            if (id == range.From - 1 && (i == 0 || ranges[i - 1].To + 1 < id))
            {
                ranges[i] = range with { From = id, LastSeenAt = latest };
                return;
            }
        }

        ranges.Insert(0, new SeenRange(id, id, at));
    }
}
