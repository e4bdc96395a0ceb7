using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Acknowledgements, answers, reviews, escalations and named feedback: exported as stored; erased down to the pseudonym.</summary>
internal sealed class EngagementPersonalData(
    IAcknowledgements acks,
    IQuizAnswers answers,
    IReviews reviews,
    IEscalations escalations,
    IFeedback feedback) : IPersonalDataHolder
{
    public string Name => "engagement";

    public object? Export(long subscriberId) => new
    {
        Acknowledgements = acks.ForSubscriber(subscriberId).Select(a => new { a.ItemId, a.Subject, a.ContentHash, a.DeliveredAt, a.AcknowledgedAt, a.OnTime, a.Channel }),
        QuizAnswers = answers.ForSubscriber(subscriberId).Select(a => new { a.ItemId, a.QuestionId, a.Selected, a.Correct, a.Mode, a.IsReview, a.AnsweredAt }),
        Review = reviews.ForSubscriber(subscriberId).Select(r => new { r.ItemId, r.QuestionId, r.WrongCount, r.NextDueAt, r.Resolved }),
        Escalations = escalations.ForSubscriber(subscriberId).Select(e => new { e.ItemId, e.Subject, e.DeliveredAt, e.Since, e.ResolvedAt }),
        // Anonymous feedback is not linked to anyone, so it cannot be exported (or erased) per person.
        Feedback = feedback.FromSubscriber(subscriberId).Select(f => new { f.Text, f.CreatedAt }),
    };

    /// <summary>Everything engagement keeps about the person is relinked in one transaction: all of it or none.</summary>
    public void Erase(ITransaction tx, long subscriberId, long pseudonym)
    {
        foreach (var ack in acks.ForSubscriber(subscriberId))
        {
            var updated = new Acknowledgement
            {
                Id = Acknowledgement.IdFor(pseudonym, ack.Subject, ack.ContentHash),
                SubscriberId = pseudonym,
                ItemId = ack.ItemId,
                Subject = ack.Subject,
                ContentHash = ack.ContentHash,
                DeliveryId = Relink(ack.DeliveryId, subscriberId, pseudonym),
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

        answers.EraseSubscriber(tx, subscriberId, pseudonym);
        reviews.EraseSubscriber(tx, subscriberId, pseudonym);
        escalations.EraseSubscriber(tx, subscriberId, pseudonym);
        feedback.EraseSubscriber(tx, subscriberId, pseudonym);
    }

    /// <summary>Ledger row ids end in the subscriber id; the delivery engine rewrites them the same way on erasure.</summary>
    internal static string Relink(string deliveryId, long subscriberId, long pseudonym) =>
        deliveryId.Replace($":{subscriberId}", $":{pseudonym}", StringComparison.Ordinal);
}
