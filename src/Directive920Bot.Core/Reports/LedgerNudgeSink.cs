using Directive920Bot.Delivery;

namespace Directive920Bot.Reports;

/// <summary>Nudges go through the delivery ledger like every other push: paced, quiet hours honoured, idempotent ids.</summary>
internal sealed class LedgerNudgeSink(DeliveryLedger ledger) : INudgeSink
{
    public int Enqueue(IEnumerable<DeliveryRow> rows) => ledger.Enqueue(rows);
}
