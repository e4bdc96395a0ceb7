using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>
/// The person directory in LiteDB: one document per channel address keyed by the address (unique by construction),
/// indexed by person; the allocation counter in a collection of its own.
/// </summary>
internal sealed class LiteDbPersonDirectory(Database db) : IPersonDirectory
{
    public static readonly StoreSchema Schema = new(PersonCollections.Addresses, (database, _) =>
        database.GetCollection(PersonCollections.Addresses).EnsureIndex(PersonCollections.PersonField));

    private const string NextKey = "next";

    private ILiteCollection<BsonDocument> Addresses => db.Lite.GetCollection(PersonCollections.Addresses);

    public long? Find(ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Addresses.FindById(address.ToString())?[PersonCollections.PersonField].AsInt64;
    }

    public IReadOnlyList<ChannelAddress> AddressesOf(long personId) =>
        Addresses.Find(Filter.Eq(PersonCollections.PersonField, personId))
            .OrderByDescending(d => d[PersonCollections.PreferredField].AsBoolean)
            .ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(d => ChannelAddress.Parse(d["_id"].AsString))
            .ToList();

    public long Register(ITransaction tx, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(address);
        if (Find(address) is { } stored)
        {
            return stored;
        }

        var personId = address.Channel == ChannelAddress.Telegram ? PersonIds.Provisional(address) : Allocate();
        Addresses.Insert(PersonCollections.Document(address, personId, preferred: AddressesOf(personId).Count == 0));
        return personId;
    }

    public void Link(ITransaction tx, long personId, ChannelAddress address, bool preferred = false)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(address);
        if (PersonIds.IsProvisional(personId))
        {
            throw new ArgumentOutOfRangeException(nameof(personId), personId, "A provisional person id is never stored.");
        }

        var owner = Find(address);
        if (owner is { } other && other != personId)
        {
            // Thrown inside the transaction: it rolls back, and the address stays with the person who had it.
            throw new DuplicateKeyException($"The address {address} belongs to another person.");
        }

        var addresses = AddressesOf(personId);
        if (owner is null && addresses.Any(a => a.Channel == address.Channel))
        {
            throw new InvalidOperationException($"Person {personId} has an address on {address.Channel} already.");
        }

        var makePreferred = preferred || addresses.Count == 0;
        if (makePreferred)
        {
            foreach (var doc in Addresses.Find(Filter.Eq(PersonCollections.PersonField, personId)).ToList())
            {
                doc[PersonCollections.PreferredField] = false;
                Addresses.Update(doc);
            }
        }

        var preferredNow = makePreferred || (owner is not null && addresses[0] == address);
        Addresses.Upsert(PersonCollections.Document(address, personId, preferredNow));
    }

    public int Forget(ITransaction tx, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Addresses.DeleteMany(Filter.Eq(PersonCollections.PersonField, personId));
    }

    /// <summary>The next id from <see cref="PersonIds.FirstAllocated"/> up; runs in the caller's transaction, so a rollback hands it out again.</summary>
    private long Allocate()
    {
        var counter = db.Lite.GetCollection(PersonCollections.Allocation);
        var next = counter.FindById(NextKey)?["value"].AsInt64 ?? PersonIds.FirstAllocated;
        counter.Upsert(new BsonDocument { ["_id"] = NextKey, ["value"] = next + 1 });
        return next;
    }
}
