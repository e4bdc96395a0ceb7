namespace Directive920Bot.Reports;

/// <summary>A delivered lesson or announcement that its recipient has not acknowledged yet.</summary>
public sealed record PendingAcknowledgement(long SubscriberId, string UnitCode, string ItemId, string DeliveryId, string Language);
