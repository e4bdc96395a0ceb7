using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

public sealed record AckOutcome(AckResult Result, Acknowledgement? Acknowledgement = null, DeliveryRow? Row = null);
