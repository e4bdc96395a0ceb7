using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Engagement;

/// <summary>Reminder bookkeeping (<see cref="AckWatch"/>) and the escalations it produces.</summary>
public sealed class EscalationStore(Database db)
{
    public const string WatchCollection = "eng_ack_watch";
    public const string CollectionName = "eng_escalations";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var watches = database.GetCollection<AckWatch>(WatchCollection);
        watches.EnsureIndex(w => w.NextAt);
        watches.EnsureIndex(w => w.SubscriberId);
        watches.EnsureIndex(w => w.PendingReminderId);
        var escalations = database.GetCollection<Escalation>(CollectionName);
        escalations.EnsureIndex(e => e.UnitCode);
        escalations.EnsureIndex(e => e.SubscriberId);
        escalations.EnsureIndex(e => e.ResolvedAt);
        mapper.ToDocument(new AckWatch());
        mapper.ToDocument(new Escalation());
    });

    // Deliveries whose acknowledgement must touch their watch at once: a reminder waits in the ledger, or the delivery
    // is on the unit's non-acknowledgement list. Any other watch is closed by the next reminder tick, which sees the
    // acknowledgement, so most acknowledgements read no watch at all. The set may hold more than it needs to (harmless):
    // an id is added before the write that needs it and removed only once that state is gone. Read from the file once.
    private HashSet<string>? attention;
    private readonly Lock attentionLock = new();

    private ILiteCollection<AckWatch> Watches => db.Collection<AckWatch>(WatchCollection);

    /// <summary>True when acknowledging this delivery must skip a waiting reminder or resolve an escalation.</summary>
    public bool NeedsAttentionOnAcknowledgement(string deliveryId)
    {
        lock (attentionLock)
        {
            return Attention().Contains(deliveryId);
        }
    }

    /// <summary>Called before a reminder is queued or an escalation written for the delivery.</summary>
    internal void NeedAttention(string deliveryId)
    {
        lock (attentionLock)
        {
            Attention().Add(deliveryId);
        }
    }

    private HashSet<string> Attention() => attention ??= [.. WithPendingReminder().Select(w => w.Id), .. Open().Select(e => e.Id)];

    /// <summary>Called once no reminder waits and no escalation is open for the delivery (after that is committed).</summary>
    internal void AttentionDone(string deliveryId)
    {
        lock (attentionLock)
        {
            attention?.Remove(deliveryId);
        }
    }

    private ILiteCollection<Escalation> Escalations => db.Collection<Escalation>(CollectionName);

    /// <summary>Open escalations (not acknowledged since) of these units: the digest's non-acknowledgement list.</summary>
    public IReadOnlyList<Escalation> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Escalations.Find(Filter.In(nameof(Escalation.UnitCode), unitCodes)).Where(e => e.IsOpen).ToList();

    public IReadOnlyList<Escalation> Open() => Escalations.Find(Query.EQ(nameof(Escalation.ResolvedAt), BsonValue.Null)).ToList();

    public IReadOnlyList<Escalation> ForSubscriber(long subscriberId) => Escalations.Find(e => e.SubscriberId == subscriberId).ToList();

    public Escalation? Find(string deliveryId) => Escalations.FindById(deliveryId);

    public AckWatch? FindWatch(string deliveryId) => Watches.FindById(deliveryId);

    internal bool AddWatch(AckWatch watch)
    {
        if (Watches.FindById(watch.Id) is not null)
        {
            return false;
        }

        Watches.Insert(watch);
        return true;
    }

    internal void SaveWatch(AckWatch watch) => Watches.Update(watch);

    internal IReadOnlyList<AckWatch> DueWatches(DateTime nowUtc) =>
        Watches.Find(Filter.AtMost(nameof(AckWatch.NextAt), nowUtc)).Where(w => !w.Done).ToList();

    internal IReadOnlyList<AckWatch> WithPendingReminder() =>
        Watches.Find(Query.Not(nameof(AckWatch.PendingReminderId), BsonValue.Null)).ToList();

    internal IReadOnlyList<AckWatch> WatchesFor(long subscriberId) => Watches.Find(w => w.SubscriberId == subscriberId).ToList();

    internal bool AddEscalation(Escalation escalation)
    {
        if (Escalations.FindById(escalation.Id) is not null)
        {
            return false;
        }

        Escalations.Insert(escalation);
        return true;
    }

    internal void Resolve(string deliveryId, DateTime atUtc)
    {
        var escalation = Escalations.FindById(deliveryId);
        if (escalation is { ResolvedAt: null })
        {
            escalation.ResolvedAt = atUtc;
            Escalations.Update(escalation);
        }
    }

    internal void EraseSubscriber(long subscriberId, long pseudonym)
    {
        db.InTransaction(() =>
        {
            Watches.DeleteMany(w => w.SubscriberId == subscriberId);
            foreach (var escalation in Escalations.Find(e => e.SubscriberId == subscriberId).ToList())
            {
                Escalations.Delete(escalation.Id);
                escalation.Id = EngagementPersonalData.Relink(escalation.Id, subscriberId, pseudonym);
                escalation.SubscriberId = pseudonym;
                Escalations.Upsert(escalation);
            }
        });
    }
}
