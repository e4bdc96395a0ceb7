using Directive920Bot.Delivery;

namespace Directive920Bot.Reports;

/// <summary>Where nudge rows go (the delivery ledger).</summary>
public interface INudgeSink
{
    int Enqueue(IEnumerable<DeliveryRow> rows);
}
