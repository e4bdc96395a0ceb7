using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>
/// Polling mode: deletes any webhook (getUpdates does not work while one is set), then long-polls getUpdates, one
/// update per call, and hands each to <see cref="ZaloProcessor.AcceptAsync"/>. An empty poll (408) polls again at once;
/// a failure waits a growing pause (1 s up to 30 s, on the transport clock) and never stops the loop.
/// </summary>
public sealed class ZaloPoller(
    ZaloBotClient client,
    ZaloProcessor processor,
    IOptions<ZaloOptions> options,
    [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport,
    ILogger<ZaloPoller> log) : BackgroundService
{
    /// <summary>When getUpdates last answered (an update or the empty poll's 408), on the transport clock; null before the first answer.</summary>
    public DateTimeOffset? LastSuccess { get; private set; }

    /// <summary>The last failure, as the health check may show it: an error code or a kind of failure, never an address (it holds the token).</summary>
    public string? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (!o.HasToken || o.Mode != ZaloMode.Polling)
        {
            return;
        }

        var failures = 0;
        var webhookCleared = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookCleared)
                {
                    await client.DeleteWebhookAsync(stoppingToken);
                    webhookCleared = true;
                }

                var update = await client.GetUpdateAsync(o.PollTimeoutSeconds, stoppingToken);
                failures = 0;
                LastSuccess = transport.GetUtcNow();
                if (update is not null)
                {
                    await processor.AcceptAsync(update, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                failures++;
                LastError = ZaloHealthCheck.Describe(ex);
                var pause = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures - 1, 5)));
                if (ex is ZaloApiException { ErrorCode: 429, RetryAfter: { } retryAfter })
                {
                    pause = retryAfter;
                }

                log.LogWarning("Zalo getUpdates failed ({Error}); polling again in {Pause}", ex.Message, pause);
                try
                {
                    await Task.Delay(pause, transport, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
