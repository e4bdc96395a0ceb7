using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>
/// Quiz answers, the questions sent and the ticks not yet submitted, each record as jsonb with its look-up keys as
/// columns. The first answer wins by <c>INSERT … ON CONFLICT DO NOTHING</c>: two instances taking the same answer
/// store it once, without a look first.
/// </summary>
internal sealed class PgQuizAnswers(PostgresStorage db) : IQuizAnswers
{
    public (QuizAnswer Stored, bool Created) Add(ITransaction tx, QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var created = db.Execute(tx, """
            INSERT INTO quiz_answers (id, subscriber_id, delivery_id, question_key, item_id, unit_code, answered_at, doc)
            VALUES (@Id, @SubscriberId, @DeliveryId, @QuestionKey, @ItemId, @UnitCode, @AnsweredAt, @doc::jsonb)
            ON CONFLICT (id) DO NOTHING
            """, AnswerParameters(answer)) == 1;
        if (!created)
        {
            return (Json.Read<QuizAnswer>(db.One<string>("SELECT doc::text FROM quiz_answers WHERE id = @Id", new { answer.Id }))!, false);
        }

        db.Execute(tx, "DELETE FROM quiz_selections WHERE id = @Id", new { answer.Id });
        return (answer, true);
    }

    public QuizAnswer? Find(string deliveryId, string questionId) =>
        Json.Read<QuizAnswer>(db.One<string>("SELECT doc::text FROM quiz_answers WHERE id = @id", new { id = QuizAnswer.IdFor(deliveryId, questionId) }));

    public IReadOnlyList<QuizAnswer> ForSubscriber(long subscriberId) => Answers("WHERE subscriber_id = @subscriberId", new { subscriberId });

    public IReadOnlyList<QuizAnswer> ForDelivery(string deliveryId) => Answers("WHERE delivery_id = @deliveryId", new { deliveryId });

    public IReadOnlyList<QuizAnswer> ForQuestion(string itemId, string questionId) => Answers("WHERE question_key = @key", new { key = $"{itemId}:{questionId}" });

    public IReadOnlyList<QuizAnswer> ForItem(string itemId) => Answers("WHERE item_id = @itemId", new { itemId });

    public IReadOnlyList<QuizAnswer> ForUnits(IReadOnlyCollection<string> unitCodes) => Answers("WHERE unit_code = ANY (@codes)", new { codes = unitCodes.ToArray() });

    public QuizQuestionSent? FindSent(string deliveryId, string questionId) =>
        Json.Read<QuizQuestionSent>(db.One<string>("SELECT doc::text FROM quiz_sent WHERE id = @id", new { id = QuizAnswer.IdFor(deliveryId, questionId) }));

    public QuizQuestionSent? FindPoll(string pollId) =>
        Json.Read<QuizQuestionSent>(db.One<string>("SELECT doc::text FROM quiz_sent WHERE poll_id = @pollId ORDER BY id LIMIT 1", new { pollId }));

    public IReadOnlyList<QuizQuestionSent> SentForDelivery(string deliveryId) =>
        [.. db.Query<string>("SELECT doc::text FROM quiz_sent WHERE delivery_id = @deliveryId ORDER BY id", new { deliveryId }).Select(d => Json.Read<QuizQuestionSent>(d)!)];

    public void RecordSent(ITransaction tx, QuizQuestionSent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        db.Execute(tx, """
            INSERT INTO quiz_sent (id, subscriber_id, delivery_id, poll_id, doc) VALUES (@Id, @SubscriberId, @DeliveryId, @PollId, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, delivery_id = excluded.delivery_id, poll_id = excluded.poll_id, doc = excluded.doc
            """, new { sent.Id, sent.SubscriberId, sent.DeliveryId, sent.PollId, doc = Json.Write(sent) });
    }

    public QuizSelection Selection(string deliveryId, string questionId)
    {
        var id = QuizAnswer.IdFor(deliveryId, questionId);
        return Json.Read<QuizSelection>(db.One<string>("SELECT doc::text FROM quiz_selections WHERE id = @id", new { id })) ?? new QuizSelection { Id = id };
    }

    public void SaveSelection(ITransaction tx, QuizSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        db.Execute(tx, """
            INSERT INTO quiz_selections (id, subscriber_id, doc) VALUES (@Id, @SubscriberId, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, doc = excluded.doc
            """, new { selection.Id, selection.SubscriberId, doc = Json.Write(selection) });
    }

    public void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        var answers = db.Query<string>(tx, "DELETE FROM quiz_answers WHERE subscriber_id = @subscriberId RETURNING doc::text", new { subscriberId });
        foreach (var answer in answers.Select(d => Json.Read<QuizAnswer>(d)!))
        {
            answer.SubscriberId = pseudonyms.ForDelivery(answer.DeliveryId);
            answer.DeliveryId = pseudonyms.Relink(answer.DeliveryId);
            answer.Id = QuizAnswer.IdFor(answer.DeliveryId, answer.QuestionId);
            db.Execute(tx, """
                INSERT INTO quiz_answers (id, subscriber_id, delivery_id, question_key, item_id, unit_code, answered_at, doc)
                VALUES (@Id, @SubscriberId, @DeliveryId, @QuestionKey, @ItemId, @UnitCode, @AnsweredAt, @doc::jsonb)
                ON CONFLICT (id) DO UPDATE SET subscriber_id = excluded.subscriber_id, delivery_id = excluded.delivery_id, doc = excluded.doc
                """, AnswerParameters(answer));
        }

        db.Execute(tx, "DELETE FROM quiz_sent WHERE subscriber_id = @subscriberId", new { subscriberId });
        db.Execute(tx, "DELETE FROM quiz_selections WHERE subscriber_id = @subscriberId", new { subscriberId });
    }

    private List<QuizAnswer> Answers(string where, object param) =>
        [.. db.Query<string>($"SELECT doc::text FROM quiz_answers {where} ORDER BY id", param).Select(d => Json.Read<QuizAnswer>(d)!)];

    private static object AnswerParameters(QuizAnswer answer) =>
        new { answer.Id, answer.SubscriberId, answer.DeliveryId, answer.QuestionKey, answer.ItemId, answer.UnitCode, answer.AnsweredAt, doc = Json.Write(answer) };

    public int CountBefore(DateTime cutoff) =>
        db.One<int>("SELECT count(*)::int FROM quiz_answers WHERE answered_at < @cutoff", new { cutoff = Utc.Of(cutoff) });

    public int DeleteBefore(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM quiz_answers WHERE answered_at < @cutoff", new { cutoff = Utc.Of(cutoff) });

    // A question held while the person's consent was outdated (HeldAt set in the document).
    public IReadOnlyList<QuizQuestionSent> HeldFor(long subscriberId) =>
        [.. db.Query<string>("SELECT doc::text FROM quiz_sent WHERE subscriber_id = @subscriberId AND doc ->> 'HeldAt' IS NOT NULL ORDER BY id", new { subscriberId })
            .Select(d => Json.Read<QuizQuestionSent>(d)!)];
}
