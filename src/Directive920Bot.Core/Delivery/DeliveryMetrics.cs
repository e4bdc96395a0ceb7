using System.Diagnostics.Metrics;
using Directive920Bot.Hosting;

namespace Directive920Bot.Delivery;

/// <summary>
/// Counts each final outcome by kind and channel, and exposes the ledger's due rows: due now, and overdue (due more
/// than <see cref="OverdueAfter"/> ago, which means sending falls behind — rate limits, an outage, quiet hours ending),
/// and the rows still held in chunks.
/// </summary>
public sealed class DeliveryMetrics : IDeliveryObserver, IMetricSource
{
    /// <summary>How late a due row may be before it counts as overdue.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(5);

    private readonly BotMetrics metrics;

    public DeliveryMetrics(BotMetrics metrics, DeliveryLedger ledger, [FromKeyedServices(Clocks.Business)] TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(ledger);
        this.metrics = metrics;
        metrics.Meter.CreateObservableGauge("ledger_rows_due", () => ledger.CountDueBy(time.GetUtcNow().UtcDateTime),
            description: "Pending ledger rows whose time has come.");
        metrics.Meter.CreateObservableGauge("ledger_rows_overdue", () => ledger.CountDueBy(time.GetUtcNow().UtcDateTime - OverdueAfter),
            description: "Pending ledger rows due for more than five minutes.");
        // The part of a large broadcast not yet sent on the embedded store (always 0 on PostgreSQL, which writes chunks out).
        metrics.Meter.CreateObservableGauge("ledger_rows_held", () => ledger.Held.Count,
            description: "Pending ledger rows still held in the chunks of large expansions (written when claimed).");
    }

    public Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        metrics.Messages.Add(1,
            new KeyValuePair<string, object?>("kind", row.Kind.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("channel", "telegram"),
            new KeyValuePair<string, object?>("outcome", row.State.ToString().ToLowerInvariant()));
        return Task.CompletedTask;
    }
}
