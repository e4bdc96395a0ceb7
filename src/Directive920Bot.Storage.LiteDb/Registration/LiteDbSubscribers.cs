using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Registration;

/// <summary>
/// The subscribers in LiteDB: whole profiles in one collection, kept in memory as stored documents (every update reads its
/// sender), tombstones of erased ones in another, and the members per unit and status in a count table written with
/// every change, which reports read instead of counting 100,000 people.
/// </summary>
internal sealed class LiteDbSubscribers(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time) : ISubscribers
{
    public const string CollectionName = SubscriberCollections.Subscribers;
    public const string ErasedCollectionName = SubscriberCollections.Erased;
    public const string CountsCollectionName = SubscriberCollections.Counts;

    /// <summary>Subscribers kept in memory at most; past it the cache starts again.</summary>
    public const int CacheLimit = 100_000;

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var subscribers = database.GetCollection<Subscriber>(CollectionName);
        subscribers.EnsureIndex(s => s.UnitCode);
        subscribers.EnsureIndex(s => s.Status);
        subscribers.EnsureIndex(s => s.RosterEntryId);
        database.GetCollection<ErasedSubscriber>(ErasedCollectionName).EnsureIndex(s => s.UnitCode);
        mapper.ToDocument(new Subscriber { Draft = new RegistrationDraft() });
        mapper.ToDocument(new ErasedSubscriber());
    });

    private const string RegisteredField = SubscriberCollections.RegisteredField;

    private static readonly BsonExpression DeliveryFields = BsonExpression.Create(
        "{_id: $._id, Language: $.Language, Status: $.Status, Paused: $.Paused, UnitCode: $.UnitCode, Role: $.Role, RegisteredAt: $.RegisteredAt}");

    private static readonly BsonExpression ActiveFilter = Filter.Eq(nameof(Subscriber.Status), nameof(SubscriberStatus.Active));

    private static readonly BsonExpression TrackFields = BsonExpression.Create(
        "{_id: $._id, Language: $.Language, Status: $.Status, Paused: $.Paused, UnitCode: $.UnitCode, Role: $.Role, RegisteredAt: $.RegisteredAt, PreferredHour: $.PreferredHour}");

    // Stored documents, not objects (only this store writes the collection; see StoredCache): each Find returns a fresh
    // object that its caller may change and save.
    private readonly StoredCache<long, BsonDocument> cache = new(CacheLimit);

    // Reports count members per unit and status from these few documents instead of reading 100,000 people.
    private readonly CountTable counts = new(db, CountsCollectionName);

    private ILiteCollection<Subscriber> Subscribers => db.Collection<Subscriber>(CollectionName);

    public Subscriber? Find(long userId)
    {
        var doc = cache.Get(userId, () => db.Lite.GetCollection(CollectionName).FindById(userId));
        return doc is null ? null : db.Mapper.ToObject<Subscriber>(doc);
    }

    public void Save(ITransaction tx, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The stored state is read in the transaction of the write, on the one writer: the counts move from exactly what
        // was committed to what is written, whatever stale copy the caller changed.
        cache.Writing(tx, subscriber.Id, () =>
        {
            var before = Membership(Stored(subscriber.Id));
            var inserted = Subscribers.Upsert(subscriber);
            Count(tx, before, Membership(subscriber));
            return inserted;
        });
    }

    public IEnumerable<Subscriber> Registered() => Subscribers.Find(s => s.RegisteredAt != null);

    public IEnumerable<Subscriber> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Subscribers.Find(Filter.In(nameof(Subscriber.UnitCode), unitCodes)).Where(s => s.IsRegistered);

    // Read as a projection: an audience of 100,000 is read without loading 100,000 whole documents.
    public IEnumerable<Subscriber> RegisteredForDelivery(IReadOnlyCollection<string>? unitCodes = null)
    {
        var query = db.Lite.GetCollection(CollectionName).Query();
        query = unitCodes is null
            ? query.Where("$.RegisteredAt != null")
            : query.Where(Filter.In(nameof(Subscriber.UnitCode), unitCodes)).Where("$.RegisteredAt != null");
        return query.Select(DeliveryFields).ToEnumerable().Select(db.Mapper.ToObject<Subscriber>);
    }

    // Found through the Status index and projected: the tick no longer loads every subscriber's whole document (name,
    // consent, dialogue state) nor looks up the track position and ledger row of people it would pass over.
    public IReadOnlyList<Subscriber> ForTrack() =>
        db.Lite.GetCollection(CollectionName).Query()
            .Where(ActiveFilter)
            .Where("$.RegisteredAt != null")
            .Select(TrackFields)
            .ToEnumerable()
            .Select(db.Mapper.ToObject<Subscriber>)
            .Where(s => !s.Paused)
            // The Status index need not return ids in order; the tick visits them in id order, as the scan it replaces did.
            .OrderBy(s => s.Id)
            .ToList();

    public int Count() => Subscribers.Count();

    public bool SetStatus(ITransaction tx, long userId, SubscriberStatus status, SubscriberStatus? onlyFrom = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        // Read in the transaction, past the cache: what is decided on is what this transaction will overwrite.
        var subscriber = Stored(userId);
        if (subscriber is null || !subscriber.IsRegistered || (onlyFrom is { } from && subscriber.Status != from) || subscriber.Status == status)
        {
            return false;
        }

        subscriber.Status = status;
        Save(tx, subscriber);
        return true;
    }

    public IReadOnlyList<long> IdleSince(SubscriberStatus status, DateTime cutoff) =>
        Subscribers.Find(s => s.Status == status && s.UpdatedAt < cutoff).Select(s => s.Id).ToList();

    public bool Erase(ITransaction tx, long userId, ErasurePseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var subscriber = Stored(userId);
        if (subscriber is null)
        {
            return false;
        }

        if (subscriber.IsRegistered)
        {
            db.Collection<ErasedSubscriber>(ErasedCollectionName).Upsert(new ErasedSubscriber
            {
                Id = pseudonyms.Tombstone,
                UnitCode = subscriber.UnitCode,
                Role = subscriber.Role,
                RegisteredAt = subscriber.RegisteredAt,
                ErasedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        return cache.Writing(tx, userId, () =>
        {
            var deleted = Subscribers.Delete(userId);
            Count(tx, Membership(subscriber), null);
            return deleted;
        });
    }

    public IEnumerable<ErasedSubscriber> Erased() => db.Collection<ErasedSubscriber>(ErasedCollectionName).FindAll();

    // The counts are one small document per unit: filtering after reading them all costs nothing worth an index.
    public IReadOnlyDictionary<string, MemberCount> CountsByUnit(IReadOnlyCollection<string>? unitCodes = null) =>
        counts.All().Where(u => unitCodes is null || unitCodes.Contains(u.Key)).ToDictionary(u => u.Key, u => new MemberCount(
            u.Value.GetValueOrDefault(RegisteredField),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Active)),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Blocked)),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Stopped)),
            u.Value.GetValueOrDefault(SubscriberCollections.ChannelField(ChannelUse.Telegram)),
            u.Value.GetValueOrDefault(SubscriberCollections.ChannelField(ChannelUse.Zalo)),
            u.Value.GetValueOrDefault(SubscriberCollections.ChannelField(ChannelUse.Both))), StringComparer.Ordinal);

    public void RebuildCounts(ITransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        SubscriberCollections.RebuildCounts(db.Lite);
    }

    /// <summary>The stored subscriber, read past the cache (inside a transaction: as this transaction sees it).</summary>
    private Subscriber? Stored(long id) =>
        db.Lite.GetCollection(CollectionName).FindById(id) is { } doc ? db.Mapper.ToObject<Subscriber>(doc) : null;

    /// <summary>What the counts file a subscriber under: registered ones with a unit, by unit and status.</summary>
    private static (string Unit, SubscriberStatus Status, ChannelUse Channels)? Membership(Subscriber? s) =>
        s is { IsRegistered: true, UnitCode: { } unit } ? (unit, s.Status, s.ChannelsInUse) : null;

    private void Count(ITransaction tx, (string Unit, SubscriberStatus Status, ChannelUse Channels)? before, (string Unit, SubscriberStatus Status, ChannelUse Channels)? after)
    {
        if (before == after)
        {
            return;
        }

        if (before is { } old)
        {
            counts.Add(tx, old.Unit, RegisteredField, -1);
            counts.Add(tx, old.Unit, old.Status.ToString(), -1);
            counts.Add(tx, old.Unit, SubscriberCollections.ChannelField(old.Channels), -1);
        }

        if (after is { } now)
        {
            counts.Add(tx, now.Unit, RegisteredField, 1);
            counts.Add(tx, now.Unit, now.Status.ToString(), 1);
            counts.Add(tx, now.Unit, SubscriberCollections.ChannelField(now.Channels), 1);
        }
    }
}
