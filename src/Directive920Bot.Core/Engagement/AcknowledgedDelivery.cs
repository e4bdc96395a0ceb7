namespace Directive920Bot.Engagement;

/// <summary>What a period report reads of an acknowledgement (see <see cref="IAcknowledgementHistory"/>).</summary>
public sealed record AcknowledgedDelivery(string DeliveryId, string? UnitCode, bool OnTime, DateTime DeliveredAt, DateTime AcknowledgedAt);
