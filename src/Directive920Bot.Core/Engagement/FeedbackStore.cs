using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Engagement;

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
