using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>
/// Who a ledger row goes to: the person, the language its text is in, and the unit and role snapshot reports count it
/// under (taken when the row is made, so reports do not shift when people move). Where the person is reached is their
/// address in the person directory, resolved at send time (see <see cref="DeliveryRow.SubscriberId"/>).
/// </summary>
public readonly record struct DeliveryRecipient(long SubscriberId, string Language, string? UnitCode, CadreRole? Role)
{
    /// <summary>The subscriber as they are now.</summary>
    public static DeliveryRecipient Of(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new(subscriber.Id, subscriber.Language, subscriber.UnitCode, subscriber.Role);
    }

    /// <summary>The recipient of an earlier row (a reminder or a review follows the row it is about, snapshot included).</summary>
    public static DeliveryRecipient Of(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.SubscriberId, row.Language, row.UnitCode, row.Role);
    }
}
