using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>
/// Zalo in <c>/readyz</c>: getMe answers (asked at most every <see cref="GetMeInterval"/>), and the way updates come in
/// works — polling: getUpdates answered lately (<c>Degraded</c> before the first answer, <c>Unhealthy</c> when silent for
/// twice the poll timeout + 30 s); webhook: setWebhook was accepted at start. Descriptions name error codes and kinds of
/// failure only (one instance, so the getMe answer is kept between checks): every address of the API holds the token, so no exception message or address is shown.
/// </summary>
public sealed class ZaloHealthCheck(
    ZaloBotClient client,
    ZaloPoller poller,
    ZaloWebhookRegistrar registrar,
    IOptions<ZaloOptions> options,
    [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport) : IHealthCheck, IDisposable
{
    public static readonly TimeSpan GetMeInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim asking = new(1, 1);
    private (DateTimeOffset At, string? Account, string? Error)? lastGetMe;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var me = await GetMeAsync(cancellationToken);
        if (me.Error is { } error)
        {
            return HealthCheckResult.Unhealthy($"Zalo getMe failed: {error}");
        }

        var o = options.Value;
        if (o.Mode == ZaloMode.Webhook)
        {
            return registrar.Registered switch
            {
                true => HealthCheckResult.Healthy($"Zalo bot {me.Account} answers; webhook set"),
                false => HealthCheckResult.Unhealthy($"Zalo bot {me.Account} answers; setWebhook failed: {registrar.LastError}"),
                null => HealthCheckResult.Degraded($"Zalo bot {me.Account} answers; webhook not set yet"),
            };
        }

        var limit = TimeSpan.FromSeconds(o.PollTimeoutSeconds * 2 + 30);
        if (poller.LastSuccess is not { } last)
        {
            return HealthCheckResult.Degraded($"Zalo bot {me.Account} answers; no getUpdates answer yet{(poller.LastError is { } e ? ": " + e : "")}");
        }

        return transport.GetUtcNow() - last <= limit
            ? HealthCheckResult.Healthy($"Zalo bot {me.Account} answers; getUpdates answered at {last:O}")
            : HealthCheckResult.Unhealthy($"Zalo getUpdates silent since {last:O}: {poller.LastError}");
    }

    public void Dispose() => asking.Dispose();

    /// <summary>A failure as health and logs may show it: the platform's error code, or the kind of failure.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ZaloApiException api => $"error {api.ErrorCode}",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException => "no connection",
        TaskCanceledException => "timeout",
        _ => ex.GetType().Name,
    };

    private async Task<(string? Account, string? Error)> GetMeAsync(CancellationToken ct)
    {
        await asking.WaitAsync(ct);
        try
        {
            var now = transport.GetUtcNow();
            if (lastGetMe is { } cached && now - cached.At < GetMeInterval)
            {
                return (cached.Account, cached.Error);
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var info = await client.GetMeAsync(timeout.Token);
                lastGetMe = (now, info.AccountName, null);
            }
            catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                lastGetMe = (now, null, Describe(ex));
            }

            return (lastGetMe.Value.Account, lastGetMe.Value.Error);
        }
        finally
        {
            asking.Release();
        }
    }
}
