using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>
/// Writes what a final outcome implies (the report counters) in the transaction that records the outcome, on the
/// database writer, as engagement tells its observers of an acknowledgement: the outcome and these writes commit
/// together or not at all, so no crash can keep one without the other. Only database work belongs here (it runs inside
/// the transaction it is given, see <see cref="IStorage.WriteAsync{T}"/>); anything slow or outward, such as a message,
/// belongs in an <see cref="IDeliveryObserver"/>, told after the commit.
/// </summary>
public interface IDeliveryOutcomeRecorder
{
    void Record(ITransaction tx, DeliveryRow row);
}
