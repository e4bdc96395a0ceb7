using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>
/// The person directory in LiteDB: one document per channel address keyed by the address (unique by construction),
/// indexed by person; the allocation counter in a collection of its own. A person's addresses are kept in memory (every
/// send resolves one), dropped with every write of that person.
/// </summary>
internal sealed class LiteDbPersonDirectory(Database db) : IPersonDirectory
{
    public static readonly StoreSchema Schema = new(PersonCollections.Addresses, (database, _) =>
        database.GetCollection(PersonCollections.Addresses).EnsureIndex(PersonCollections.PersonField));

    /// <summary>Persons whose addresses are kept in memory at most; past it the cache starts again.</summary>
    public const int CacheLimit = 100_000;

    private const string NextKey = "next";

    private readonly StoredCache<long, IReadOnlyList<ChannelAddress>> cache = new(CacheLimit);

    private ILiteCollection<BsonDocument> Addresses => db.Lite.GetCollection(PersonCollections.Addresses);

    public long? Find(ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Addresses.FindById(address.ToString())?[PersonCollections.PersonField].AsInt64;
    }

    public IReadOnlyList<ChannelAddress> AddressesOf(long personId) => cache.Get(personId, () => Read(personId))!;

    // Writes read what is stored, never the cache: in a transaction they must see its own writes.
    private List<ChannelAddress> Read(long personId) =>
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
        cache.Writing(tx, personId, () => Addresses.Insert(PersonCollections.Document(address, personId, preferred: Read(personId).Count == 0)));
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

        var addresses = Read(personId);
        if (owner is null && addresses.Any(a => a.Channel == address.Channel))
        {
            throw new InvalidOperationException($"Person {personId} has an address on {address.Channel} already.");
        }

        var makePreferred = preferred || addresses.Count == 0;
        cache.Writing(tx, personId, () =>
        {
            if (makePreferred)
            {
                foreach (var doc in Addresses.Find(Filter.Eq(PersonCollections.PersonField, personId)).ToList())
                {
                    doc[PersonCollections.PreferredField] = false;
                    Addresses.Update(doc);
                }
            }

            return Addresses.Upsert(PersonCollections.Document(address, personId, makePreferred || (owner is not null && addresses[0] == address)));
        });
    }

    public bool Unlink(ITransaction tx, long personId, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(address);
        var addresses = Read(personId);
        if (!addresses.Contains(address))
        {
            return false;
        }

        if (addresses.Count == 1)
        {
            throw new InvalidOperationException($"The address {address} is the last one of person {personId}.");
        }

        var next = addresses.First(a => a != address);
        cache.Writing(tx, personId, () =>
        {
            Addresses.Delete(address.ToString());
            if (addresses[0] == address)
            {
                return Addresses.Upsert(PersonCollections.Document(next, personId, preferred: true));
            }

            return true;
        });
        return true;
    }

    public int Forget(ITransaction tx, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return cache.Writing(tx, personId, () => Addresses.DeleteMany(Filter.Eq(PersonCollections.PersonField, personId)));
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
