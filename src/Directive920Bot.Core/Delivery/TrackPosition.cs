namespace Directive920Bot.Delivery;

/// <summary>Where a subscriber is in the drip track: the ledger row of the current step.</summary>
public sealed class TrackPosition
{
    /// <summary>The subscriber id.</summary>
    public long Id { get; set; }

    public string? CurrentItemId { get; set; }

    public string? CurrentRowId { get; set; }

    public bool Completed { get; set; }

    public DateTime UpdatedAt { get; set; }
}
