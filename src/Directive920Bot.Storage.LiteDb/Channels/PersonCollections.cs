using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>
/// The collections of the person directory, and the mapping that migration step 7 writes for the subscribers of a
/// database made before the directory (the engine's migrations cannot reach the provider's store; both live here).
/// </summary>
public static class PersonCollections
{
    /// <summary>One document per address: <c>_id</c> is the address (<c>telegram:123</c>), so an address is stored once.</summary>
    public const string Addresses = "person_addresses";

    /// <summary>The next id to allocate (<c>_id: "next"</c>); it only grows, so an erased person's id is never handed out again.</summary>
    public const string Allocation = "person_ids";

    public const string PersonField = "PersonId";
    public const string ChannelField = "Channel";
    public const string PreferredField = "Preferred";

    public static BsonDocument Document(ChannelAddress address, long personId, bool preferred)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new BsonDocument
        {
            ["_id"] = address.ToString(),
            [PersonField] = personId,
            [ChannelField] = address.Channel,
            [PreferredField] = preferred,
        };
    }

    /// <summary>
    /// Every subscriber of a database made before the directory was a Telegram user whose id is their person id: writes
    /// <c>telegram:{id} → id</c> for each (keeping one already there), so their data keeps its ids. Runs in the caller's
    /// transaction.
    /// </summary>
    public static void MapExistingSubscribers(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var addresses = database.GetCollection(Addresses);
        foreach (var doc in database.GetCollection(SubscriberCollections.Subscribers).Query().Select("{_id: $._id}").ToEnumerable())
        {
            var id = doc["_id"].AsInt64;
            if (PersonIds.IsTelegramDerived(id))
            {
                var address = ChannelAddress.ForTelegram(id);
                if (addresses.FindById(address.ToString()) is null)
                {
                    addresses.Insert(Document(address, id, preferred: true));
                }
            }
        }
    }
}
