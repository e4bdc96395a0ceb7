using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive920Bot.Content;

/// <summary>Ready when a catalogue with lessons is loaded (a broken folder already stops the start; an empty one does not).</summary>
internal sealed class ContentHealthCheck(ContentService content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var items = content.Current.Items.Count;
        return Task.FromResult(items > 0 ? HealthCheckResult.Healthy($"{items} item(s)") : HealthCheckResult.Unhealthy("no lessons loaded"));
    }
}
