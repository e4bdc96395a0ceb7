using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>Offers of typed replies in <c>offered_choices</c>, one document per person and channel.</summary>
internal sealed class LiteDbOfferedChoicesStore(Database db) : IOfferedChoicesStore
{
    public const string CollectionName = "offered_choices";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<OfferedChoices>(CollectionName).EnsureIndex(o => o.PersonId);
        mapper?.ToDocument(new OfferedChoices { Choices = [new OfferedChoice("")] });
    });

    private ILiteCollection<OfferedChoices> Offers => db.Collection<OfferedChoices>(CollectionName);

    public OfferedChoices? Find(string channel, long personId) => Offers.FindById(OfferedChoices.IdFor(channel, personId));

    public void Offer(ITransaction tx, OfferedChoices offer)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(offer);
        offer.Id = OfferedChoices.IdFor(offer.Channel, offer.PersonId);
        Offers.Upsert(offer);
    }

    public void Withdraw(ITransaction tx, string channel, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Offers.Delete(OfferedChoices.IdFor(channel, personId));
    }

    public int Forget(ITransaction tx, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Offers.DeleteMany(Filter.Eq(nameof(OfferedChoices.PersonId), personId));
    }
}
