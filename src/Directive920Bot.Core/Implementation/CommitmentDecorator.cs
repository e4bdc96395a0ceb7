using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;

namespace Directive920Bot.Implementation;

/// <summary>Adds the self-assessment buttons to a commitment reminder when it is sent (keys issued then, owned by the cadre).</summary>
public sealed class CommitmentDecorator(CommitmentHandler handler) : IDeliveryDecorator
{
    public OutboundMessage Decorate(DeliveryRow row, OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(message);
        var parts = row.Payload?.StartsWith(CommitmentReminders.PayloadPrefix, StringComparison.Ordinal) == true ? row.Payload.Split('|') : null;
        if (row.Kind != DeliveryKind.Digest || parts is not { Length: 3 }
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !Enum.TryParse<CommitmentRound>(parts[2], out var round))
        {
            return message;
        }

        var buttons = handler.AssessButtons(row.SubscriberId, year, round, row.Language);
        return buttons.Count == 0 ? message : message with { Buttons = [.. message.Buttons ?? [], .. buttons] };
    }
}
