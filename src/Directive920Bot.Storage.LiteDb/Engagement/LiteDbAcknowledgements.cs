using Directive920Bot.Engagement;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal sealed class LiteDbAcknowledgements(Database db) : IAcknowledgements
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

    public int CountBefore(DateTime cutoff) => Acks.Count(a => a.AcknowledgedAt < cutoff);

    public int DeleteBefore(ITransaction tx, DateTime cutoff) => Acks.DeleteMany(a => a.AcknowledgedAt < cutoff);

    public Acknowledgement? Find(string id) => Acks.FindById(id);

    public IReadOnlyList<Acknowledgement> ForSubscriber(long subscriberId) => Acks.Find(a => a.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<Acknowledgement> ForItem(string itemId) => Acks.Find(a => a.Subject == itemId).Where(a => a.ItemId == itemId).ToList();

    public IReadOnlyList<Acknowledgement> ForSubject(string subject) => Acks.Find(a => a.Subject == subject).ToList();

    public int Count() => Acks.Count();

    /// <remarks>
    /// No look first: a press is nearly always the first, and a repeated one fails on the taken id, which costs its batch
    /// one retry (see <see cref="Database"/>). The failed insert must not be caught here: it leaves the transaction to
    /// be rolled back, so it is rethrown as the store-neutral <see cref="DuplicateKeyException"/>.
    /// </remarks>
    public void InsertNew(ITransaction tx, Acknowledgement ack)
    {
        try
        {
            Acks.Insert(ack);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateKeyException($"Acknowledgement {ack.Id} is stored already.", ex);
        }
    }

    public void Replace(ITransaction tx, Acknowledgement old, Acknowledgement updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        Acks.Delete(old.Id);
        Acks.Upsert(updated);
    }
}
