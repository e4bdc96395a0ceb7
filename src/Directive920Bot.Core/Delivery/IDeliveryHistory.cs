namespace Directive920Bot.Delivery;

/// <summary>The ledger read by period, for reports: only what a period report needs of each row, streamed.</summary>
public interface IDeliveryHistory
{
    /// <summary>Rows whose <see cref="DeliveryRow.SentAt"/> is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), whatever their state now.</summary>
    IEnumerable<SentDelivery> SentBetween(DateTime fromUtc, DateTime toUtc);

    /// <summary>Every row of these people, narrow (the console's unit page shows a page of members' states per item).</summary>
    IEnumerable<SentDelivery> ForSubscribers(IReadOnlyCollection<long> subscriberIds);
}
