namespace Directive920Bot.Engagement;

/// <summary>
/// Transitional: the reports still name this type and its collection; they move to <see cref="IAcknowledgements"/>
/// (and their own read models) with the reports' rewrite, and then this goes. Engagement itself uses the interface.
/// </summary>
public sealed class AcknowledgementStore(IAcknowledgements acks)
{
    /// <summary>The provider's collection (LiteDbAcknowledgements.CollectionName), read directly by the period report.</summary>
    public const string CollectionName = "eng_acks";

    public static string IdFor(long subscriberId, string subject, string contentHash) => Acknowledgement.IdFor(subscriberId, subject, contentHash);

    public Acknowledgement? Find(string id) => acks.Find(id);

    public IReadOnlyList<Acknowledgement> ForSubscriber(long subscriberId) => acks.ForSubscriber(subscriberId);
}
