using Directive920Bot.Delivery;

namespace Directive920Bot.Reports;

/// <summary>Pre-aggregated figures for one item in one unit (the unit snapshot on the delivery row).</summary>
public sealed class ItemCounter
{
    /// <summary><c>{unitCode}|{itemId}</c>.</summary>
    public string Id { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public string ItemId { get; set; } = "";

    public DeliveryKind Kind { get; set; }

    public int Delivered { get; set; }

    public int OnTime { get; set; }

    public int Late { get; set; }

    /// <summary>Counts of acknowledgement delays per <see cref="DelayBuckets"/> bucket: medians roll up by adding.</summary>
    public int[] Delays { get; set; } = new int[DelayBuckets.Count];

    public int Acknowledged => OnTime + Late;

    /// <summary>Re-acknowledgement requests sent after a content change, and the re-acknowledgements given: kept apart
    /// from <see cref="Delivered"/> and <see cref="Acknowledged"/> so that asking again does not count anyone twice.</summary>
    public int ReackRequested { get; set; }

    public int Reacknowledged { get; set; }

    /// <summary>
    /// How many times the counter was written. A transaction bumps the committed copy it read, so of two copies the one
    /// with the higher version is the newer: on PostgreSQL concurrent transactions commit, and tell the kept counters,
    /// in either order. (0 in counters written before it existed.)
    /// </summary>
    public long Version { get; set; }
}
