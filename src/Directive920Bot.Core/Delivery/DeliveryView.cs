namespace Directive920Bot.Delivery;

public sealed record DeliveryView(string Id, long SubscriberId, string? UnitCode, string? Role, string Language, string State, int Attempts,
    string? LastError, int? MessageId, DateTime DueAt, DateTime? SentAt)
{
    public static DeliveryView From(DeliveryRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.SubscriberId, r.UnitCode, r.Role?.ToString().ToLowerInvariant(), r.Language,
            r.State.ToString().ToLowerInvariant(), r.Attempts, r.LastError, r.MessageId, r.DueAt, r.SentAt);
    }
}
