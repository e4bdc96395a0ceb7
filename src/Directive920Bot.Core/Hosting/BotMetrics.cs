using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Directive920Bot.Hosting;

/// <summary>
/// The service's own instruments, as .NET <see cref="Meter"/>s: features record on them and the host exports them
/// (Prometheus text at /metrics), so no feature depends on a metrics library. Gauges that read state (the ledger's due
/// rows, the writer's queue) are created by their owners on <see cref="Meter"/>, through an <see cref="IMetricSource"/>.
/// Names are Prometheus-ready (snake case, unit suffix; the exporter prefixes the meter name, "directive920bot_"); labels
/// never carry a person, a chat or a text.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "Directive920Bot";

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        Messages = Meter.CreateCounter<long>("messages", description: "Deliveries that reached a final outcome (sent, failed, blocked, skipped), by kind and channel.");
        RateLimited = Meter.CreateCounter<long>("rate_limited", description: "429 Too Many Requests answers from the channel.");
        RetryAfterWaited = Meter.CreateCounter<double>("retry_after_seconds", unit: "s", description: "Seconds of retry_after the channel asked to wait, summed.");
        SendDuration = Meter.CreateHistogram<double>("send_duration_seconds", unit: "s", description: "Time of one send or edit request to the channel.");
        UpdateDuration = Meter.CreateHistogram<double>("update_handling_duration_seconds", unit: "s", description: "Time from handing an update to its handler until it is handled.");
        Acknowledgements = Meter.CreateCounter<long>("acknowledgements", description: "Acknowledgements recorded (repeated presses not counted).");
        QuizAnswers = Meter.CreateCounter<long>("quiz_answers", description: "Quiz answers recorded, by kind (inline or poll).");
    }

    public Meter Meter { get; }

    public Counter<long> Messages { get; }

    public Counter<long> RateLimited { get; }

    public Counter<double> RetryAfterWaited { get; }

    public Histogram<double> SendDuration { get; }

    public Histogram<double> UpdateDuration { get; }

    public Counter<long> Acknowledgements { get; }

    public Counter<long> QuizAnswers { get; }
}

/// <summary>A feature's observable gauges; every source is created at start so that its gauges exist before the first scrape.</summary>
public interface IMetricSource;

public static class BotMetricsExtensions
{
    /// <summary>Idempotent: every feature that records calls it, so each works without the rest of the composition.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        if (!services.Any(d => d.ImplementationType == typeof(MetricSourcesStarter)))
        {
            services.AddHostedService<MetricSourcesStarter>();
        }

        return services;
    }

    private sealed class MetricSourcesStarter(IEnumerable<IMetricSource> sources) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Resolving them is the point: their constructors create the gauges.
            _ = sources.Count();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
