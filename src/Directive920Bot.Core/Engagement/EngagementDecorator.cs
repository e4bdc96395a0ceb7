using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

/// <summary>
/// Adds the acknowledgement button (or "answer the questions first") to rows that ask for it, and the answer buttons to
/// review questions. Buttons carry opaque keys; the press is resolved on the server.
/// </summary>
public sealed class EngagementDecorator(
    DeliveryLedger ledger,
    AcknowledgementService acknowledgements,
    QuizService quiz,
    ContentService content) : IDeliveryDecorator
{
    public OutboundMessage Decorate(DeliveryRow row, OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(message);
        IReadOnlyList<IReadOnlyList<OutboundButton>>? extra = row.Kind switch
        {
            DeliveryKind.Review => ReviewButtons(row),
            DeliveryKind.Lesson or DeliveryKind.Announcement or DeliveryKind.Reminder when row.RequireAck => AckButtons(row),
            _ => null,
        };
        if (extra is null || extra.Count == 0)
        {
            return message;
        }

        return message with { Buttons = [.. message.Buttons ?? [], .. extra] };
    }

    private IReadOnlyList<IReadOnlyList<OutboundButton>>? AckButtons(DeliveryRow row)
    {
        var target = row.Kind == DeliveryKind.Reminder ? ledger.Find(AcknowledgementService.TargetOf(row)) ?? row : row;
        return acknowledgements.ButtonsFor(target) is { } buttons ? [buttons] : null;
    }

    private IReadOnlyList<IReadOnlyList<OutboundButton>>? ReviewButtons(DeliveryRow row)
    {
        var parts = (row.Payload ?? "").Split('|');
        if (parts.Length != 2)
        {
            return null;
        }

        var question = content.Current.Find(parts[0])?.For(row.Language).Quiz.FirstOrDefault(q => q.Id == parts[1]);
        return question is null ? null : quiz.QuestionButtons(row.SubscriberId, row.Id, parts[0], question, row.Language, []);
    }
}

/// <summary>Sends the quiz right after a lesson is delivered when the curriculum or campaign says <c>quiz.after: delivery</c>.</summary>
public sealed class QuizAfterDeliveryObserver(QuizService quiz, EngagementPolicyResolver policies) : IDeliveryObserver
{
    public async Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row is { State: DeliveryState.Sent, Kind: DeliveryKind.Lesson, ItemId: not null })
        {
            var policy = policies.For(row);
            if (!policy.QuizAfterAcknowledgement && !policy.RequireQuizBeforeAck)
            {
                await quiz.SendQuizAsync(row, ct);
            }
        }
    }
}
