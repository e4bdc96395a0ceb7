namespace Directive920Bot.Delivery;

/// <summary>Told after the ledger records a final outcome (sent, failed, blocked, skipped).</summary>
public interface IDeliveryObserver
{
    Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct);
}
