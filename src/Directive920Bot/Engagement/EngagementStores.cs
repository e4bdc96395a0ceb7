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

public sealed class QuizAnswerStore(Database db)
{
    public const string AnswersCollection = "eng_answers";
    public const string SentCollection = "eng_quiz_sent";
    public const string SelectionCollection = "eng_quiz_selection";

    public static readonly StoreSchema Schema = new(AnswersCollection, (database, mapper) =>
    {
        var answers = database.GetCollection<QuizAnswer>(AnswersCollection);
        answers.EnsureIndex(a => a.SubscriberId);
        answers.EnsureIndex(a => a.DeliveryId);
        answers.EnsureIndex(a => a.QuestionKey);
        answers.EnsureIndex(a => a.ItemId);
        answers.EnsureIndex(a => a.UnitCode);
        var sent = database.GetCollection<QuizQuestionSent>(SentCollection);
        sent.EnsureIndex(s => s.PollId);
        sent.EnsureIndex(s => s.DeliveryId);
        sent.EnsureIndex(s => s.SubscriberId);
        database.GetCollection<QuizSelection>(SelectionCollection).EnsureIndex(s => s.SubscriberId);
        mapper.ToDocument(new QuizAnswer());
        mapper.ToDocument(new QuizQuestionSent());
        mapper.ToDocument(new QuizSelection());
    });

    private ILiteCollection<QuizAnswer> Answers => db.Collection<QuizAnswer>(AnswersCollection);

    private ILiteCollection<QuizQuestionSent> Sent => db.Collection<QuizQuestionSent>(SentCollection);

    private ILiteCollection<QuizSelection> Selections => db.Collection<QuizSelection>(SelectionCollection);

    public static string IdFor(string deliveryId, string questionId) => $"{deliveryId}|{questionId}";

    /// <summary>Stores the first answer; a later one returns the stored answer and false.</summary>
    public (QuizAnswer Stored, bool Created) Add(QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return db.InTransaction(() =>
        {
            var existing = Answers.FindById(answer.Id);
            if (existing is not null)
            {
                return (existing, false);
            }

            Answers.Insert(answer);
            Selections.Delete(answer.Id);
            return (answer, true);
        });
    }

    public QuizAnswer? Find(string deliveryId, string questionId) => Answers.FindById(IdFor(deliveryId, questionId));

    public IReadOnlyList<QuizAnswer> ForSubscriber(long subscriberId) => Answers.Find(a => a.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<QuizAnswer> ForDelivery(string deliveryId) => Answers.Find(a => a.DeliveryId == deliveryId).ToList();

    /// <summary>Every answer to one question of one item (<c>itemId</c>, <c>questionId</c>).</summary>
    public IReadOnlyList<QuizAnswer> ForQuestion(string itemId, string questionId)
    {
        var key = $"{itemId}:{questionId}";
        return Answers.Find(a => a.QuestionKey == key).ToList();
    }

    public IReadOnlyList<QuizAnswer> ForItem(string itemId) => Answers.Find(a => a.ItemId == itemId).ToList();

    public IReadOnlyList<QuizAnswer> ForUnits(IReadOnlyCollection<string> unitCodes) =>
        Answers.Find(Filter.In(nameof(QuizAnswer.UnitCode), unitCodes)).ToList();

    public QuizQuestionSent? FindSent(string deliveryId, string questionId) => Sent.FindById(IdFor(deliveryId, questionId));

    public QuizQuestionSent? FindPoll(string pollId) => Sent.FindOne(s => s.PollId == pollId);

    public IReadOnlyList<QuizQuestionSent> SentForDelivery(string deliveryId) => Sent.Find(s => s.DeliveryId == deliveryId).ToList();

    public void RecordSent(QuizQuestionSent sent) => Sent.Upsert(sent);

    public QuizSelection Selection(string deliveryId, string questionId) =>
        Selections.FindById(IdFor(deliveryId, questionId)) ?? new QuizSelection { Id = IdFor(deliveryId, questionId) };

    public void SaveSelection(QuizSelection selection) => Selections.Upsert(selection);

    internal IReadOnlyList<QuizQuestionSent> SentForSubscriber(long subscriberId) => Sent.Find(s => s.SubscriberId == subscriberId).ToList();

    internal void EraseSubscriber(long subscriberId, long pseudonym)
    {
        db.InTransaction(() =>
        {
            foreach (var answer in Answers.Find(a => a.SubscriberId == subscriberId).ToList())
            {
                Answers.Delete(answer.Id);
                answer.DeliveryId = EngagementPersonalData.Relink(answer.DeliveryId, subscriberId, pseudonym);
                answer.Id = IdFor(answer.DeliveryId, answer.QuestionId);
                answer.SubscriberId = pseudonym;
                Answers.Upsert(answer);
            }

            Sent.DeleteMany(s => s.SubscriberId == subscriberId);
            Selections.DeleteMany(s => s.SubscriberId == subscriberId);
        });
    }
}

public sealed class ReviewStore(Database db)
{
    public const string CollectionName = "eng_review";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var items = database.GetCollection<ReviewItem>(CollectionName);
        items.EnsureIndex(r => r.SubscriberId);
        items.EnsureIndex(r => r.Resolved);
        items.EnsureIndex(r => r.UnitCode);
        mapper.ToDocument(new ReviewItem());
    });

    private ILiteCollection<ReviewItem> Items => db.Collection<ReviewItem>(CollectionName);

    public static string IdFor(long subscriberId, string itemId, string questionId) => $"{subscriberId}:{itemId}:{questionId}";

    public ReviewItem? Find(string id) => Items.FindById(id);

    public void Save(ReviewItem item) => Items.Upsert(item);

    public IReadOnlyList<ReviewItem> OpenFor(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId && !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> ForSubscriber(long subscriberId) => Items.Find(r => r.SubscriberId == subscriberId).ToList();

    /// <summary>Every question still waiting to be answered right, for the weekly review and the reports.</summary>
    public IReadOnlyList<ReviewItem> Open() => Items.Find(r => !r.Resolved).ToList();

    public IReadOnlyList<ReviewItem> OpenForUnits(IReadOnlyCollection<string> unitCodes) =>
        Items.Find(BsonExpression.Create("$.Resolved = @0 AND $.UnitCode IN @1", false, new BsonArray(unitCodes.Select(c => new BsonValue(c))))).ToList();

    internal void EraseSubscriber(long subscriberId, long pseudonym)
    {
        db.InTransaction(() =>
        {
            foreach (var item in Items.Find(r => r.SubscriberId == subscriberId).ToList())
            {
                Items.Delete(item.Id);
                item.Id = IdFor(pseudonym, item.ItemId, item.QuestionId);
                item.SubscriberId = pseudonym;
                item.PendingDeliveryId = null;
                Items.Upsert(item);
            }
        });
    }
}

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

public sealed class FeedbackStore(Database db)
{
    public const string CollectionName = "eng_feedback";
    public const string DraftCollection = "eng_feedback_draft";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var feedback = database.GetCollection<Feedback>(CollectionName);
        feedback.EnsureIndex(f => f.UnitCode);
        feedback.EnsureIndex(f => f.SubscriberId);
        feedback.EnsureIndex(f => f.CreatedAt);
        mapper.ToDocument(new Feedback());
        mapper.ToDocument(new FeedbackDraft());
    });

    private ILiteCollection<Feedback> Items => db.Collection<Feedback>(CollectionName);

    private ILiteCollection<FeedbackDraft> Drafts => db.Collection<FeedbackDraft>(DraftCollection);

    public IReadOnlyList<Feedback> All() => Items.FindAll().OrderByDescending(f => f.CreatedAt).ToList();

    /// <summary>Named feedback from these units; anonymous feedback has no unit and never matches.</summary>
    public IReadOnlyList<Feedback> NamedFromUnits(IReadOnlyCollection<string> unitCodes) =>
        Items.Find(Filter.In(nameof(Feedback.UnitCode), unitCodes))
            .Where(f => !f.Anonymous).OrderByDescending(f => f.CreatedAt).ToList();

    public IReadOnlyList<Feedback> FromSubscriber(long subscriberId) => Items.Find(f => f.SubscriberId == subscriberId).ToList();

    public int Count() => Items.Count();

    public FeedbackDraft? Draft(long subscriberId) => Drafts.FindById(subscriberId);

    internal void SaveDraft(FeedbackDraft draft) => Drafts.Upsert(draft);

    internal void DeleteDraft(long subscriberId) => Drafts.Delete(subscriberId);

    /// <summary>Stores the feedback once (its id is the draft's random token) and drops the draft, together.</summary>
    internal bool Submit(Feedback feedback, long subscriberId)
    {
        return db.InTransaction(() =>
        {
            var created = Items.FindById(feedback.Id) is null;
            if (created)
            {
                Items.Insert(feedback);
            }

            Drafts.Delete(subscriberId);
            return created;
        });
    }

    internal void EraseSubscriber(long subscriberId, long pseudonym)
    {
        db.InTransaction(() =>
        {
            Drafts.Delete(subscriberId);
            foreach (var item in Items.Find(f => f.SubscriberId == subscriberId).ToList())
            {
                item.SubscriberId = pseudonym;
                Items.Update(item);
            }
        });
    }
}
