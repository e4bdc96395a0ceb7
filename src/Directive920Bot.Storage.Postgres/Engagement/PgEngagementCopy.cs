using Directive920Bot.Engagement;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>
/// Engagement's sections on PostgreSQL: acknowledgements and quiz answers by binary COPY (they grow with people × items),
/// the rest through the stores; the bookkeeping values are written by the stores that read them, in their own form.
/// </summary>
internal static class PgEngagementCopy
{
    private const string WeeklyKey = "weekly_review_last";
    private const string WatermarkKey = "reminder_watermark";

    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        yield return PgCopySection.Batched<Acknowledgement>(db, "acknowledgements", (tx, batch) => PgCopy.Import(db, tx,
            "acknowledgements (id, subscriber_id, subject, item_id, acknowledged_at, doc)", batch, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Text);
                w.Write(a.SubscriberId, NpgsqlDbType.Bigint);
                w.Write(a.Subject, NpgsqlDbType.Text);
                w.Text(a.ItemId);
                w.Instant(a.AcknowledgedAt);
                w.Json(Json.Write(a));
            }));
        yield return PgCopySection.Batched<QuizAnswer>(db, "quiz_answers", (tx, batch) => PgCopy.Import(db, tx,
            "quiz_answers (id, subscriber_id, delivery_id, question_key, item_id, unit_code, answered_at, doc)", batch, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Text);
                w.Write(a.SubscriberId, NpgsqlDbType.Bigint);
                w.Write(a.DeliveryId, NpgsqlDbType.Text);
                w.Write(a.QuestionKey, NpgsqlDbType.Text);
                w.Write(a.ItemId, NpgsqlDbType.Text);
                w.Text(a.UnitCode);
                w.Instant(a.AnsweredAt);
                w.Json(Json.Write(a));
            }));
        var quiz = (PgQuizAnswers)services.GetRequiredService<IQuizAnswers>();
        yield return PgCopySection.Table<QuizQuestionSent>(db, "quiz_sent", quiz.RecordSent);
        yield return PgCopySection.Table<QuizSelection>(db, "quiz_selections", quiz.SaveSelection);
        var reviews = (PgReviews)services.GetRequiredService<IReviews>();
        yield return PgCopySection.Table<ReviewItem>(db, "review_items", reviews.Save);
        var feedback = (PgFeedback)services.GetRequiredService<IFeedback>();
        yield return PgCopySection.Table<Feedback>(db, "feedback", feedback.Upsert);
        yield return PgCopySection.Table<FeedbackDraft>(db, "feedback_drafts", feedback.SaveDraft);
        var escalations = (PgEscalations)services.GetRequiredService<IEscalations>();
        yield return PgCopySection.Table<AckWatch>(db, "ack_watches", (tx, w) => escalations.AddWatch(tx, w));
        yield return PgCopySection.Table<Escalation>(db, "escalations", (tx, e) => escalations.AddEscalation(tx, e));
        yield return PgCopySection.Table<StoredValue>(db, "engagement_meta", (tx, value) =>
        {
            switch (value.Key)
            {
                case WeeklyKey:
                    reviews.SetLastWeeklySlot(tx, (string)value.Value);
                    break;
                case WatermarkKey:
                    escalations.SetReminderWatermark(tx, (DateTime)value.Value);
                    break;
                default:
                    // A value this program does not read: kept as text, so the count still matches and nothing is lost.
                    db.Execute(tx, "INSERT INTO engagement_meta (key, value) VALUES (@Key, @value)", new { value.Key, value = Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) });
                    break;
            }
        });
    }
}
