namespace Directive920Bot.Channels;

/// <summary>
/// What one poll or webhook request brought, for <see cref="IInboxStore.Accept"/>: the store decides in the accepting
/// transaction which of <see cref="Updates"/> are new (against the seen ranges it holds, merged there so that
/// instances never write over each other's), numbers the batch and records <see cref="Owner"/> as the instance handling it.
/// </summary>
/// <param name="Channel">The channel whose cursor acknowledges the updates.</param>
/// <param name="Owner">The instance that will handle what is stored (its lease runs for <paramref name="Lease"/>).</param>
/// <param name="Updates">As received, in order; ids seen within <paramref name="SeenFor"/> are left out.</param>
/// <param name="NextOffset">The offset that acknowledges them; the cursor keeps the higher of it and the stored one.</param>
/// <param name="ReceivedAt">The business time of the arrival (seen ranges, received_at).</param>
public sealed record InboxArrival(string Channel, string Owner, IReadOnlyList<StoredUpdate> Updates, int NextOffset, DateTime ReceivedAt, TimeSpan SeenFor, TimeSpan Lease)
{
    /// <summary>
    /// The updates not seen before (a repeat within the arrival counts once) and the cursor that remembers them: the
    /// stored cursor's ranges still within <see cref="SeenFor"/> plus these ids, and the higher offset. Both providers
    /// call it on the cursor read under their write lock.
    /// </summary>
    public (List<StoredUpdate> Fresh, InboxCursor Cursor) Sift(InboxCursor? stored)
    {
        var ranges = (stored?.Seen ?? []).Where(r => ReceivedAt - r.LastSeenAt < SeenFor).ToList();
        var fresh = new List<StoredUpdate>();
        foreach (var update in Updates)
        {
            if (!ranges.Any(r => r.Contains(update.Id)))
            {
                SeenRanges.Remember(ranges, update.Id, ReceivedAt);
                fresh.Add(update);
            }
        }

        return (fresh, new InboxCursor(Math.Max(stored?.Offset ?? 0, NextOffset), SeenRanges.Newest(ranges)));
    }
}
