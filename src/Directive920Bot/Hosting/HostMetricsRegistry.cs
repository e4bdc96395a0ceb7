using System.Diagnostics.Metrics;
using Prometheus;

namespace Directive920Bot.Hosting;

/// <summary>
/// This host's Prometheus registry: the .NET runtime and process collectors, and a MeterAdapter that publishes only the
/// instruments of Meters made by this host's <see cref="IMeterFactory"/> (their <see cref="Meter.Scope"/>). A process
/// that runs several hosts — the test suites do — exports each host's own figures, not the last host's observation.
/// </summary>
internal sealed class HostMetricsRegistry : IDisposable
{
    private readonly IDisposable meterAdapter;

    public HostMetricsRegistry(IMeterFactory meters)
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        meterAdapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter.Scope, meters),
        });
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => meterAdapter.Dispose();
}
