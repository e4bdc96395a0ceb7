using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>The acknowledgements, one per subscriber, subject and content hash (<see cref="Acknowledgement.IdFor"/>).</summary>
public interface IAcknowledgements
{
    Acknowledgement? Find(string id);

    IReadOnlyList<Acknowledgement> ForSubscriber(long subscriberId);

    IReadOnlyList<Acknowledgement> ForItem(string itemId);

    /// <summary>By item id or, for free-text announcements, by campaign occurrence.</summary>
    IReadOnlyList<Acknowledgement> ForSubject(string subject);

    int Count();

    /// <summary>Acknowledgements made before <paramref name="cutoff"/> (retention).</summary>
    int CountBefore(DateTime cutoff);

    int DeleteBefore(ITransaction tx, DateTime cutoff);

    /// <summary>
    /// Inserts an acknowledgement that the caller expects to be new, without looking first: a taken id fails the insert
    /// (and its transaction) with <see cref="DuplicateKeyException"/>, so a redelivered press writes nothing.
    /// </summary>
    void InsertNew(ITransaction tx, Acknowledgement ack);

    /// <summary>Replaces <paramref name="old"/> by <paramref name="updated"/>, whose id may differ (erasure re-keys it).</summary>
    void Replace(ITransaction tx, Acknowledgement old, Acknowledgement updated);
}
