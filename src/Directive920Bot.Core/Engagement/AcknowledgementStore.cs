using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Engagement;

public sealed class AcknowledgementStore(Database db)
{
    public const string CollectionName = "eng_acks";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var acks = database.GetCollection<Acknowledgement>(CollectionName);
        // Every index is written by every acknowledgement; an item's acknowledgements are found through Subject, a
        // delivery's by its id (IdFor), so none is kept per unit (reports read counters).
        acks.EnsureIndex(a => a.SubscriberId);
        acks.EnsureIndex(a => a.Subject);
        mapper.ToDocument(new Acknowledgement());
    });

    private ILiteCollection<Acknowledgement> Acks => db.Collection<Acknowledgement>(CollectionName);

    public static string IdFor(long subscriberId, string subject, string contentHash) => $"{subscriberId}:{subject}:{contentHash}";

    /// <summary>
    /// Inserts an acknowledgement that the caller expects to be new, without looking first: a taken id fails the insert
    /// with LiteDB's duplicate-key error (and its transaction), which <see cref="IsDuplicate"/> recognises.
    /// </summary>
    internal void InsertNew(Acknowledgement ack) => Acks.Insert(ack);

    public static bool IsDuplicate(Exception ex) => ex is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY };

    public Acknowledgement? Find(string id) => Acks.FindById(id);

    public IReadOnlyList<Acknowledgement> ForSubscriber(long subscriberId) => Acks.Find(a => a.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<Acknowledgement> ForItem(string itemId) => Acks.Find(a => a.Subject == itemId).Where(a => a.ItemId == itemId).ToList();

    /// <summary>By item id or, for free-text announcements, by campaign occurrence.</summary>
    public IReadOnlyList<Acknowledgement> ForSubject(string subject) => Acks.Find(a => a.Subject == subject).ToList();

    /// <summary>Any acknowledgement of this subject by this subscriber, whatever the content hash.</summary>
    public bool HasAny(long subscriberId, string subject) => Acks.Exists(a => a.Subject == subject && a.SubscriberId == subscriberId);

    public int Count() => Acks.Count();

    internal void Replace(Acknowledgement old, Acknowledgement updated)
    {
        db.InTransaction(() =>
        {
            Acks.Delete(old.Id);
            Acks.Upsert(updated);
        });
    }
}
