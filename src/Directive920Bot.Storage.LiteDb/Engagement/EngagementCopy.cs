using Directive920Bot.Engagement;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Engagement;

/// <summary>
/// Engagement's sections for <c>migrate-store</c>: acknowledgements, quiz answers and what was sent and ticked, reviews,
/// feedback, reminder watches and escalations, and its bookkeeping values (the weekly review's last slot, the reminder
/// watermark) as <see cref="StoredValue"/>s the target's stores write in their own form.
/// </summary>
internal static class EngagementCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<Acknowledgement>(lite, "acknowledgements", LiteDbAcknowledgements.CollectionName);
        yield return CopyCollections.Of<QuizAnswer>(lite, "quiz_answers", LiteDbQuizAnswers.AnswersCollection);
        yield return CopyCollections.Of<QuizQuestionSent>(lite, "quiz_sent", LiteDbQuizAnswers.SentCollection);
        yield return CopyCollections.Of<QuizSelection>(lite, "quiz_selections", LiteDbQuizAnswers.SelectionCollection);
        yield return CopyCollections.Of<ReviewItem>(lite, "review_items", LiteDbReviews.CollectionName);
        yield return CopyCollections.Of<Feedback>(lite, "feedback", LiteDbFeedback.CollectionName);
        yield return CopyCollections.Of<FeedbackDraft>(lite, "feedback_drafts", LiteDbFeedback.DraftCollection);
        yield return CopyCollections.Of<AckWatch>(lite, "ack_watches", LiteDbEscalations.WatchCollection);
        yield return CopyCollections.Of<Escalation>(lite, "escalations", LiteDbEscalations.CollectionName);
        var meta = lite.CollectionExists(LiteDbReviews.MetaCollection) ? lite.GetCollection(LiteDbReviews.MetaCollection).FindAll().ToList() : [];
        yield return new StoreSection("engagement_meta", meta.Count, [.. meta.Select(d => new StoredValue(d["_id"].AsString, Value(d["value"])))]);
    }

    private static object Value(BsonValue value) => value.IsDateTime ? value.AsDateTime.ToUniversalTime() : value.AsString;
}
