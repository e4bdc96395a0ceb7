using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Acknowledgements, answers, reviews, escalations and named feedback: exported as stored; erased down to the pseudonym.</summary>
internal sealed class EngagementPersonalData(
    IAcknowledgements acks,
    IQuizAnswers answers,
    IReviews reviews,
    IEscalations escalations,
    IFeedback feedback,
    Content.ContentService content) : IPersonalDataHolder
{
    private static readonly Loc AcksTitle = new("Xác nhận đã đọc và cam kết", "Confirmations (read and committed)");

    private static readonly Loc AcksWhy = new(
        "Mỗi lần đồng chí bấm xác nhận một bài hoặc thông báo, lúc nào và có đúng hạn không: lãnh đạo, quản trị viên đơn vị xem được để đôn đốc.",
        "Each time you confirmed a lesson or announcement, when, and whether on time: your unit's leaders and admins see it to follow up.");

    private static readonly Loc AnswersTitle = new("Câu trả lời trắc nghiệm", "Quiz answers");

    private static readonly Loc AnswersWhy = new(
        "Câu trả lời đầu tiên của đồng chí cho mỗi câu hỏi, đúng hay sai: để tính kết quả học tập và gửi lại câu trả lời sai để ôn tập.",
        "Your first answer to each question, right or wrong: for your progress and to send wrong answers again for review.");

    private static readonly Loc ReviewTitle = new("Câu hỏi ôn tập", "Review questions");

    private static readonly Loc ReviewWhy = new("Các câu đồng chí trả lời sai, được hỏi lại sau một thời gian.", "Questions you got wrong, asked again after a while.");

    private static readonly Loc EscalationsTitle = new("Báo lãnh đạo đơn vị", "Reported to your unit's leaders");

    private static readonly Loc EscalationsWhy = new(
        "Bài quá hạn mà chưa được xác nhận sau các lời nhắc, đã được báo cho lãnh đạo đơn vị.",
        "Lessons not confirmed after the reminders, which were reported to your unit's leaders.");

    private static readonly Loc FeedbackTitle = new("Góp ý gửi kèm tên", "Feedback sent with your name");

    private static readonly Loc FeedbackWhy = new(
        "Góp ý đồng chí gửi kèm tên (góp ý ẩn danh không nối với ai nên không có ở đây).",
        "Feedback you sent with your name (anonymous feedback is linked to nobody, so it is not here).");

    public string Name => "engagement";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var en = format.Language == "en";
        string Title(string? itemId) => itemId is null ? (en ? "announcement" : "thông báo") : content.Current.Find(itemId)?.For(format.Language).Title ?? itemId;

        var sections = new List<PersonalDataSection>();
        var acknowledged = acks.ForSubscriber(subscriberId).OrderBy(a => a.AcknowledgedAt).ToList();
        if (acknowledged.Count > 0)
        {
            sections.Add(new PersonalDataSection(format.T(AcksTitle), format.T(AcksWhy), acknowledged.Select(a =>
                $"{format.Time(a.AcknowledgedAt)} — {Title(a.ItemId)} ({(en ? "received " : "nhận lúc ")}{format.Time(a.DeliveredAt)}; {(a.OnTime ? (en ? "on time" : "đúng hạn") : (en ? "late" : "trễ hạn"))})").ToList()));
        }

        var given = answers.ForSubscriber(subscriberId).OrderBy(a => a.AnsweredAt).ToList();
        if (given.Count > 0)
        {
            sections.Add(new PersonalDataSection(format.T(AnswersTitle), format.T(AnswersWhy), given.Select(a =>
                $"{format.Time(a.AnsweredAt)} — {Title(a.ItemId)}, {(en ? "question " : "câu ")}{a.QuestionId}: {(a.Correct ? (en ? "right" : "đúng") : (en ? "wrong" : "sai"))}{(a.IsReview ? (en ? " (review)" : " (ôn tập)") : "")}").ToList()));
        }

        var review = reviews.ForSubscriber(subscriberId).ToList();
        if (review.Count > 0)
        {
            sections.Add(new PersonalDataSection(format.T(ReviewTitle), format.T(ReviewWhy), review.Select(r =>
                $"{Title(r.ItemId)}, {(en ? "question " : "câu ")}{r.QuestionId}: {(r.Resolved ? (en ? "done " : "đã xong lúc ") + format.Time(r.ResolvedAt) : (en ? "next " : "hỏi lại lúc ") + format.Time(r.NextDueAt))}").ToList()));
        }

        var escalated = escalations.ForSubscriber(subscriberId).ToList();
        if (escalated.Count > 0)
        {
            sections.Add(new PersonalDataSection(format.T(EscalationsTitle), format.T(EscalationsWhy), escalated.Select(e =>
                $"{format.Time(e.Since)} — {Title(e.ItemId)}{(e.ResolvedAt is { } done ? (en ? ", confirmed " : ", đã xác nhận lúc ") + format.Time(done) : "")}").ToList()));
        }

        var named = feedback.FromSubscriber(subscriberId).OrderBy(f => f.CreatedAt).ToList();
        if (named.Count > 0)
        {
            sections.Add(new PersonalDataSection(format.T(FeedbackTitle), format.T(FeedbackWhy), named.Select(f => $"{format.Time(f.CreatedAt)} — {f.Text}").ToList()));
        }

        return sections;
    }

    public object? Export(long subscriberId) => new
    {
        Acknowledgements = acks.ForSubscriber(subscriberId).Select(a => new { a.ItemId, a.Subject, a.ContentHash, a.DeliveredAt, a.AcknowledgedAt, a.OnTime, a.Channel }),
        QuizAnswers = answers.ForSubscriber(subscriberId).Select(a => new { a.ItemId, a.QuestionId, a.Selected, a.Correct, a.Mode, a.IsReview, a.AnsweredAt }),
        Review = reviews.ForSubscriber(subscriberId).Select(r => new { r.ItemId, r.QuestionId, r.WrongCount, r.NextDueAt, r.Resolved }),
        Escalations = escalations.ForSubscriber(subscriberId).Select(e => new { e.ItemId, e.Subject, e.DeliveredAt, e.Since, e.ResolvedAt }),
        // Anonymous feedback is not linked to anyone, so it cannot be exported (or erased) per person.
        Feedback = feedback.FromSubscriber(subscriberId).Select(f => new { f.Text, f.CreatedAt }),
    };

    /// <summary>
    /// Everything engagement keeps about the person is relinked in one transaction: all of it or none. Each
    /// acknowledgement takes its delivery's pseudonym, so it still matches its ledger row, and no two deliveries share one.
    /// </summary>
    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        foreach (var ack in acks.ForSubscriber(subscriberId))
        {
            var pseudonym = pseudonyms.ForDelivery(ack.DeliveryId);
            var updated = new Acknowledgement
            {
                Id = Acknowledgement.IdFor(pseudonym, ack.Subject, ack.ContentHash),
                SubscriberId = pseudonym,
                ItemId = ack.ItemId,
                Subject = ack.Subject,
                ContentHash = ack.ContentHash,
                DeliveryId = pseudonyms.Relink(ack.DeliveryId),
                CampaignId = ack.CampaignId,
                UnitCode = ack.UnitCode,
                Role = ack.Role,
                DeliveredAt = ack.DeliveredAt,
                Deadline = ack.Deadline,
                AcknowledgedAt = ack.AcknowledgedAt,
                Channel = ack.Channel,
                OnTime = ack.OnTime,
                Reacknowledgement = ack.Reacknowledgement,
            };
            acks.Replace(tx, ack, updated);
        }

        answers.EraseSubscriber(tx, subscriberId, pseudonyms);
        reviews.EraseSubscriber(tx, subscriberId, pseudonyms);
        escalations.EraseSubscriber(tx, subscriberId, pseudonyms);
        feedback.EraseSubscriber(tx, subscriberId, pseudonyms);
    }

}
