using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>Quiz answers by period: a range on the <c>answered_at</c> index, only the fields the quiz figures need.</summary>
internal sealed class PgAnswerHistory(PostgresStorage db) : IAnswerHistory
{
    public IEnumerable<GivenAnswer> AnsweredBetween(DateTime fromUtc, DateTime toUtc) =>
        db.Query<GivenAnswer>("""
            SELECT subscriber_id AS SubscriberId, question_key AS QuestionKey, item_id AS ItemId, (doc->>'Correct')::boolean AS Correct,
                (doc->>'IsReview')::boolean AS IsReview, unit_code AS UnitCode, answered_at AS AnsweredAt
            FROM quiz_answers WHERE answered_at >= @fromUtc AND answered_at < @toUtc ORDER BY answered_at, id
            """, new { fromUtc, toUtc });
}
