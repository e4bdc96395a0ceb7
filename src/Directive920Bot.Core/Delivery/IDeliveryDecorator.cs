using Directive920Bot.Channels;

namespace Directive920Bot.Delivery;

/// <summary>Adds channel-neutral buttons to a message before it is sent (engagement: acknowledge, quiz).</summary>
public interface IDeliveryDecorator
{
    OutboundMessage Decorate(DeliveryRow row, OutboundMessage message);
}
