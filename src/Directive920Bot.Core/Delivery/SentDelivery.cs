namespace Directive920Bot.Delivery;

/// <summary>What a period report reads of a ledger row sent in the period (see <see cref="IDeliveryHistory"/>).</summary>
public sealed record SentDelivery(
    string Id,
    DeliveryKind Kind,
    DeliveryState State,
    string? ItemId,
    string? CampaignId,
    string? UnitCode,
    long SubscriberId,
    string? Payload);
