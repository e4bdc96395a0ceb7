using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

internal sealed class LiteDbQuizAnswers(Database db) : IQuizAnswers
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

    public int CountBefore(DateTime cutoff) => Answers.Count(a => a.AnsweredAt < cutoff);

    public int DeleteBefore(ITransaction tx, DateTime cutoff) => Answers.DeleteMany(a => a.AnsweredAt < cutoff);

    public (QuizAnswer Stored, bool Created) Add(ITransaction tx, QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var existing = Answers.FindById(answer.Id);
        if (existing is not null)
        {
            return (existing, false);
        }

        Answers.Insert(answer);
        Selections.Delete(answer.Id);
        return (answer, true);
    }

    public QuizAnswer? Find(string deliveryId, string questionId) => Answers.FindById(QuizAnswer.IdFor(deliveryId, questionId));

    public IReadOnlyList<QuizAnswer> ForSubscriber(long subscriberId) => Answers.Find(a => a.SubscriberId == subscriberId).ToList();

    public IReadOnlyList<QuizAnswer> ForDelivery(string deliveryId) => Answers.Find(a => a.DeliveryId == deliveryId).ToList();

    public IReadOnlyList<QuizAnswer> ForQuestion(string itemId, string questionId)
    {
        var key = $"{itemId}:{questionId}";
        return Answers.Find(a => a.QuestionKey == key).ToList();
    }

    public IReadOnlyList<QuizAnswer> ForItem(string itemId) => Answers.Find(a => a.ItemId == itemId).ToList();

    public IReadOnlyList<QuizAnswer> ForUnits(IReadOnlyCollection<string> unitCodes) =>
        Answers.Find(Filter.In(nameof(QuizAnswer.UnitCode), unitCodes)).ToList();

    public QuizQuestionSent? FindSent(string deliveryId, string questionId) => Sent.FindById(QuizAnswer.IdFor(deliveryId, questionId));

    public QuizQuestionSent? FindPoll(string pollId) => Sent.FindOne(s => s.PollId == pollId);

    public IReadOnlyList<QuizQuestionSent> SentForDelivery(string deliveryId) => Sent.Find(s => s.DeliveryId == deliveryId).ToList();

    public void RecordSent(ITransaction tx, QuizQuestionSent sent) => Sent.Upsert(sent);

    public IReadOnlyList<QuizQuestionSent> HeldFor(long subscriberId) => Sent.Find(s => s.SubscriberId == subscriberId && s.HeldAt != null).ToList();

    public QuizSelection Selection(string deliveryId, string questionId) =>
        Selections.FindById(QuizAnswer.IdFor(deliveryId, questionId)) ?? new QuizSelection { Id = QuizAnswer.IdFor(deliveryId, questionId) };

    public void SaveSelection(ITransaction tx, QuizSelection selection) => Selections.Upsert(selection);

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        foreach (var answer in Answers.Find(a => a.SubscriberId == subscriberId).ToList())
        {
            Answers.Delete(answer.Id);
            answer.SubscriberId = pseudonyms.ForDelivery(answer.DeliveryId);
            answer.DeliveryId = pseudonyms.Relink(answer.DeliveryId);
            answer.Id = QuizAnswer.IdFor(answer.DeliveryId, answer.QuestionId);
            Answers.Upsert(answer);
        }

        Sent.DeleteMany(s => s.SubscriberId == subscriberId);
        Selections.DeleteMany(s => s.SubscriberId == subscriberId);
    }
}
