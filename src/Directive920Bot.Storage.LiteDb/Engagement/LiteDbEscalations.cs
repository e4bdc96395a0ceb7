using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal sealed class LiteDbEscalations : IEscalations
{
    public const string WatchCollection = "eng_ack_watch";
    public const string CollectionName = "eng_escalations";
    private const string WatermarkKey = "reminder_watermark";

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

    private readonly Database db;
    private readonly AttentionSet attention;

    public LiteDbEscalations(Database db)
    {
        this.db = db;
        attention = new AttentionSet(() => [.. WithPendingReminder().Select(w => w.Id), .. Open().Select(e => e.Id)]);
    }

    private ILiteCollection<AckWatch> Watches => db.Collection<AckWatch>(WatchCollection);

    private ILiteCollection<Escalation> Escalations => db.Collection<Escalation>(CollectionName);

    public bool NeedsAttentionOnAcknowledgement(string deliveryId) => attention.Contains(deliveryId);

    public void NeedAttention(string deliveryId) => attention.Add(deliveryId);

    public void AttentionDone(string deliveryId) => attention.Remove(deliveryId);

    public IReadOnlyList<Escalation> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Escalations.Find(Filter.In(nameof(Escalation.UnitCode), unitCodes)).Where(e => e.IsOpen).ToList();

    public IReadOnlyList<Escalation> Open() => Escalations.Find(Query.EQ(nameof(Escalation.ResolvedAt), BsonValue.Null)).ToList();

    public IReadOnlyList<Escalation> ForSubscriber(long subscriberId) => Escalations.Find(e => e.SubscriberId == subscriberId).ToList();

    public Escalation? Find(string deliveryId) => Escalations.FindById(deliveryId);

    public AckWatch? FindWatch(string deliveryId) => Watches.FindById(deliveryId);

    public IReadOnlyList<AckWatch> DueWatches(DateTime nowUtc) =>
        Watches.Find(Filter.AtMost(nameof(AckWatch.NextAt), nowUtc)).Where(w => !w.Done).ToList();

    public IReadOnlyList<AckWatch> WithPendingReminder() =>
        Watches.Find(Query.Not(nameof(AckWatch.PendingReminderId), BsonValue.Null)).ToList();

    public bool AddWatch(ITransaction tx, AckWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        if (Watches.FindById(watch.Id) is not null)
        {
            return false;
        }

        Watches.Insert(watch);
        return true;
    }

    public void SaveWatch(ITransaction tx, AckWatch watch) => Watches.Update(watch);

    public bool AddEscalation(ITransaction tx, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (Escalations.FindById(escalation.Id) is not null)
        {
            return false;
        }

        Escalations.Insert(escalation);
        return true;
    }

    public void Resolve(ITransaction tx, string deliveryId, DateTime atUtc)
    {
        var escalation = Escalations.FindById(deliveryId);
        if (escalation is { ResolvedAt: null })
        {
            escalation.ResolvedAt = atUtc;
            Escalations.Update(escalation);
        }
    }

    public DateTime? ReminderWatermark() =>
        db.Lite.GetCollection(LiteDbReviews.MetaCollection).FindById(WatermarkKey)?["value"].AsDateTime is { } mark ? mark.ToUniversalTime() : null;

    public void SetReminderWatermark(ITransaction tx, DateTime nowUtc) =>
        db.Lite.GetCollection(LiteDbReviews.MetaCollection).Upsert(new BsonDocument { ["_id"] = WatermarkKey, ["value"] = nowUtc });

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        Watches.DeleteMany(w => w.SubscriberId == subscriberId);
        foreach (var escalation in Escalations.Find(e => e.SubscriberId == subscriberId).ToList())
        {
            Escalations.Delete(escalation.Id);
            escalation.SubscriberId = pseudonyms.ForDelivery(escalation.Id);
            escalation.Id = pseudonyms.Relink(escalation.Id);
            Escalations.Upsert(escalation);
        }
    }
}
