namespace Directive920Bot.Engagement;

/// <summary>Acknowledgements read by period, for reports: only their timing, streamed.</summary>
public interface IAcknowledgementHistory
{
    /// <summary>Acknowledgements whose <see cref="Acknowledgement.AcknowledgedAt"/> is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    IEnumerable<AcknowledgedDelivery> AcknowledgedBetween(DateTime fromUtc, DateTime toUtc);

    /// <summary>Every acknowledgement of these people, narrow (one read for a page of members).</summary>
    IEnumerable<MemberAcknowledgement> ForSubscribers(IReadOnlyCollection<long> subscriberIds);
}
