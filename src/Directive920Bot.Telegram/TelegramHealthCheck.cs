using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

internal sealed class TelegramHealthCheck(UpdatePoller poller, IOptions<TelegramOptions> options, [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Polling: twice the long-poll timeout; webhook mode: getWebhookInfo is asked every 30 s.
        var limit = options.Value.Mode == TelegramMode.Webhook
            ? UpdatePoller.WebhookCheckInterval * 3
            : TimeSpan.FromSeconds(options.Value.PollTimeoutSeconds * 2 + 30);
        var last = poller.LastSuccess;
        if (last is null)
        {
            return Task.FromResult(HealthCheckResult.Degraded(poller.LastError ?? "no answer from Telegram yet"));
        }

        return Task.FromResult(transport.GetUtcNow() - last.Value <= limit
            ? HealthCheckResult.Healthy($"Telegram answered at {last:O}")
            : HealthCheckResult.Unhealthy($"Telegram silent since {last:O}: {poller.LastError}"));
    }
}
