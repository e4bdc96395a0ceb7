using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal sealed class LiteDbFeedback(Database db) : IFeedback
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

    public IReadOnlyList<Feedback> NamedFromUnits(IReadOnlyCollection<string> unitCodes) =>
        Items.Find(Filter.In(nameof(Feedback.UnitCode), unitCodes))
            .Where(f => !f.Anonymous).OrderByDescending(f => f.CreatedAt).ToList();

    public IReadOnlyList<Feedback> FromSubscriber(long subscriberId) => Items.Find(f => f.SubscriberId == subscriberId).ToList();

    public Feedback? Find(string id) => Items.FindById(id);

    public int Count() => Items.Count();

    public FeedbackDraft? Draft(long subscriberId) => Drafts.FindById(subscriberId);

    public void SaveDraft(ITransaction tx, FeedbackDraft draft) => Drafts.Upsert(draft);

    public void DeleteDraft(ITransaction tx, long subscriberId) => Drafts.Delete(subscriberId);

    public bool Submit(ITransaction tx, Feedback feedback, long subscriberId)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var created = Items.FindById(feedback.Id) is null;
        if (created)
        {
            Items.Insert(feedback);
        }

        Drafts.Delete(subscriberId);
        return created;
    }

    public void Upsert(ITransaction tx, Feedback feedback) => Items.Upsert(feedback);

    public bool Delete(ITransaction tx, string id) => Items.Delete(id);

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        Drafts.Delete(subscriberId);
        // Named feedback is the person's own words under their unit and the minute they wrote: it goes with them.
        Items.DeleteMany(f => f.SubscriberId == subscriberId);
    }

    public int CountBefore(DateTime cutoff) => Items.Count(f => f.CreatedAt < cutoff);

    public int DeleteBefore(ITransaction tx, DateTime cutoff) => Items.DeleteMany(f => f.CreatedAt < cutoff);
}
