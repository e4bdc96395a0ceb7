using Directive920Bot.Engagement;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

/// <summary>Quiz answers by period: an index on <c>AnsweredAt</c>, read as a narrow projection.</summary>
internal sealed class LiteDbAnswerHistory(Database db) : IAnswerHistory
{
    private static readonly BsonExpression Fields = BsonExpression.Create(
        "{SubscriberId: $.SubscriberId, QuestionKey: $.QuestionKey, ItemId: $.ItemId, Correct: $.Correct, IsReview: $.IsReview, UnitCode: $.UnitCode, AnsweredAt: $.AnsweredAt}");

    /// <summary>The time index the period query uses (the same name as <c>EnsureIndex(x => x.Field)</c> gives anywhere else).</summary>
    public static readonly StoreSchema Schema = new("eng_answers_history", (database, _) =>
        database.GetCollection<QuizAnswer>(LiteDbQuizAnswers.AnswersCollection).EnsureIndex(a => a.AnsweredAt));

    public IEnumerable<GivenAnswer> AnsweredBetween(DateTime fromUtc, DateTime toUtc) =>
        db.Lite.GetCollection(LiteDbQuizAnswers.AnswersCollection).Query()
            .Where(Filter.From(nameof(QuizAnswer.AnsweredAt), fromUtc, toUtc))
            .Select(Fields)
            .ToEnumerable()
            .Select(doc => new GivenAnswer(doc["SubscriberId"].AsInt64, doc["QuestionKey"].AsString, doc["ItemId"].AsString, doc["Correct"].AsBoolean,
                doc["IsReview"].AsBoolean, doc["UnitCode"].AsString, doc["AnsweredAt"].AsDateTime));
}
