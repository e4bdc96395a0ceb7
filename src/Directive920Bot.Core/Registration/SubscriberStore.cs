using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Registration;

public sealed class SubscriberStore(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string CollectionName = "subscribers";
    public const string ErasedCollectionName = "subscribers_erased";

    /// <summary>Registered subscribers per unit and status (<see cref="CountsByUnit"/>), kept with every save and erasure.</summary>
    public const string CountsCollectionName = "subscriber_counts";

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

    /// <summary>Subscribers kept in memory at most; past it the cache starts again.</summary>
    public const int CacheLimit = 100_000;

    // Every update reads its sender, so subscribers are kept in memory as stored documents (only this store writes the
    // collection; see StoredCache): each Find returns a fresh object that its caller may change and save.
    private readonly StoredCache<long, BsonDocument> cache = new(db, CacheLimit);

    // Reports count members per unit and status from these few documents instead of reading 100,000 people.
    private readonly CountTable counts = new(db, CountsCollectionName);

    private ILiteCollection<Subscriber> Subscribers => db.Collection<Subscriber>(CollectionName);

    public Subscriber? Find(long userId)
    {
        var doc = cache.Get(userId, () => db.Lite.GetCollection(CollectionName).FindById(userId));
        return doc is null ? null : db.Mapper.ToObject<Subscriber>(doc);
    }

    public void Save(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // The stored state is read in the transaction of the write, on the one writer: the counts move from exactly what
        // was committed to what is written, whatever stale copy the caller changed.
        db.InTransaction(() => cache.Writing(subscriber.Id, () =>
        {
            var before = StoredMembership(subscriber.Id);
            var inserted = Subscribers.Upsert(subscriber);
            Count(before, Membership(subscriber));
            return inserted;
        }));
    }

    public IEnumerable<Subscriber> Registered() => Subscribers.Find(s => s.RegisteredAt != null);

    public IEnumerable<Subscriber> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Subscribers.Find(Filter.In(nameof(Subscriber.UnitCode), unitCodes)).Where(s => s.IsRegistered);

    /// <summary>
    /// Registered subscribers with only what a delivery needs (no name, consent or dialogue state), read as a
    /// projection: an audience of 100,000 is read without loading 100,000 whole documents. The objects are partial:
    /// never pass them to <see cref="Save"/> (the name, consent and dialogue state would be lost).
    /// </summary>
    public IEnumerable<Subscriber> RegisteredForDelivery(IReadOnlyCollection<string>? unitCodes = null)
    {
        var query = db.Lite.GetCollection(CollectionName).Query();
        query = unitCodes is null
            ? query.Where("$.RegisteredAt != null")
            : query.Where(Filter.In(nameof(Subscriber.UnitCode), unitCodes)).Where("$.RegisteredAt != null");
        return query.Select(DeliveryFields).ToEnumerable().Select(db.Mapper.ToObject<Subscriber>);
    }

    private static readonly BsonExpression DeliveryFields = BsonExpression.Create(
        "{_id: $._id, ChatId: $.ChatId, Language: $.Language, Status: $.Status, Paused: $.Paused, UnitCode: $.UnitCode, Role: $.Role, RegisteredAt: $.RegisteredAt}");

    /// <summary>
    /// The subscribers whose drip track may move (registered, active, not paused: the track plans nothing for anyone
    /// else), in id order, with only what a track step needs. The tick reads this every minute: found through the
    /// Status index and projected, it no longer loads every subscriber's whole document (name, consent, dialogue state)
    /// nor looks up the track position and ledger row of people it would pass over. The objects are partial: never
    /// pass them to <see cref="Save"/>.
    /// </summary>
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

    private static readonly BsonExpression ActiveFilter = Filter.Eq(nameof(Subscriber.Status), nameof(SubscriberStatus.Active));

    private static readonly BsonExpression TrackFields = BsonExpression.Create(
        "{_id: $._id, ChatId: $.ChatId, Language: $.Language, Status: $.Status, Paused: $.Paused, UnitCode: $.UnitCode, Role: $.Role, RegisteredAt: $.RegisteredAt, PreferredHour: $.PreferredHour}");

    public int Count() => Subscribers.Count();

    /// <summary>Blocked or gone: pushes stop until Telegram tells us the user is back.</summary>
    public bool SetStatus(long userId, SubscriberStatus status, SubscriberStatus? onlyFrom = null)
    {
        var subscriber = Find(userId);
        if (subscriber is null || !subscriber.IsRegistered || (onlyFrom is { } from && subscriber.Status != from) || subscriber.Status == status)
        {
            return false;
        }

        subscriber.Status = status;
        Save(subscriber);
        return true;
    }

    public void Erase(Subscriber subscriber, long pseudonym)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        db.InTransaction(() =>
        {
            if (subscriber.IsRegistered)
            {
                db.Collection<ErasedSubscriber>(ErasedCollectionName).Upsert(new ErasedSubscriber
                {
                    Id = pseudonym,
                    UnitCode = subscriber.UnitCode,
                    Role = subscriber.Role,
                    RegisteredAt = subscriber.RegisteredAt,
                    ErasedAt = time.GetUtcNow().UtcDateTime,
                });
            }

            cache.Writing(subscriber.Id, () =>
            {
                var before = StoredMembership(subscriber.Id);
                var deleted = Subscribers.Delete(subscriber.Id);
                Count(before, null);
                return deleted;
            });
        });
    }

    /// <summary>
    /// Registered subscribers per unit, committed: registered, and of them active, blocked and stopped. Kept in the
    /// transaction of every save and erasure; equal to a count of the collection (see <see cref="RebuildCounts"/>).
    /// </summary>
    public IReadOnlyDictionary<string, MemberCount> CountsByUnit() =>
        counts.All().ToDictionary(u => u.Key, u => new MemberCount(
            u.Value.GetValueOrDefault(RegisteredField),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Active)),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Blocked)),
            u.Value.GetValueOrDefault(nameof(SubscriberStatus.Stopped))), StringComparer.Ordinal);

    /// <summary>
    /// Counts the collection again and replaces the kept counts (migration step 6, and anyone who wrote the
    /// collection behind the store's back, such as a benchmark's bulk seed); runs in one transaction.
    /// </summary>
    public static void RebuildCounts(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counted = database.GetCollection(CollectionName).Query()
            .Where("$.RegisteredAt != null AND $.UnitCode != null")
            .Select("{u: $.UnitCode, s: $.Status}")
            .ToEnumerable()
            .SelectMany(d => new[] { (d["u"].AsString, RegisteredField), (d["u"].AsString, d["s"].AsString) });
        CountTable.Rebuild(database, CountsCollectionName, counted);
    }

    /// <summary>Replaces the kept counts with a count of the collection, in a transaction of the running writer.</summary>
    public void RebuildCounts() => db.InTransaction(() => RebuildCounts(db.Lite));

    private const string RegisteredField = "Registered";

    private (string Unit, SubscriberStatus Status)? StoredMembership(long id) =>
        db.Lite.GetCollection(CollectionName).FindById(id) is { } doc ? Membership(db.Mapper.ToObject<Subscriber>(doc)) : null;

    /// <summary>What the counts file a subscriber under: registered ones with a unit, by unit and status.</summary>
    private static (string Unit, SubscriberStatus Status)? Membership(Subscriber s) =>
        s is { IsRegistered: true, UnitCode: { } unit } ? (unit, s.Status) : null;

    private void Count((string Unit, SubscriberStatus Status)? before, (string Unit, SubscriberStatus Status)? after)
    {
        if (before == after)
        {
            return;
        }

        if (before is { } old)
        {
            counts.Add(old.Unit, RegisteredField, -1);
            counts.Add(old.Unit, old.Status.ToString(), -1);
        }

        if (after is { } now)
        {
            counts.Add(now.Unit, RegisteredField, 1);
            counts.Add(now.Unit, now.Status.ToString(), 1);
        }
    }

    public IEnumerable<ErasedSubscriber> Erased() => db.Collection<ErasedSubscriber>(ErasedCollectionName).FindAll();
}
