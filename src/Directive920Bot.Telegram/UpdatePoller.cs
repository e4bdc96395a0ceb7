using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Telegram;

/// <summary>
/// The thin long-polling loop: fetch, store in the inbox, hand over, repeat. It never dies on a handler's error.
/// In webhook mode it registers the webhook instead (Telegram then POSTs to <see cref="WebhookEndpoint"/>) and keeps
/// asking getWebhookInfo, so that the health check knows Telegram is reachable.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient bot,
    UpdateInbox inbox,
    UpdateProcessor processor,
    IOptions<TelegramOptions> options,
    [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport,
    ILogger<UpdatePoller> log) : BackgroundService
{
    private static readonly UpdateType[] Wanted =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PollAnswer, UpdateType.MyChatMember];

    /// <summary>When getUpdates last answered, on the transport clock; the health check reads it.</summary>
    public DateTimeOffset? LastSuccess { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>How often webhook mode checks that Telegram answers (and that the webhook is still ours).</summary>
    internal static readonly TimeSpan WebhookCheckInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mode == TelegramMode.Webhook)
        {
            await RunWebhookAsync(stoppingToken);
            return;
        }

        // Telegram refuses getUpdates while a webhook is set: coming back from webhook mode removes it (pending updates kept).
        await RetryAsync(ct => bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct), "deleteWebhook", stoppingToken);
        var offset = inbox.ReadOffset();
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, Math.Min(100, processor.Capacity), options.Value.PollTimeoutSeconds, Wanted, stoppingToken);
                LastSuccess = transport.GetUtcNow();
                LastError = null;
                backoff = TimeSpan.FromSeconds(1);
                if (updates.Length == 0)
                {
                    continue;
                }

                // Waits while the handlers are behind (the in-flight bound): no further getUpdates until there is room.
                await processor.AcceptAsync(updates, stoppingToken);
                offset = updates.Max(u => u.Id) + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or TaskCanceledException)
            {
                LastError = ex.Message;
                var wait = ex is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : backoff;
                log.LogWarning(ex, "getUpdates failed; retrying in {Delay}", wait);
                await Task.Delay(wait, transport, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task RunWebhookAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var registered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = await RetryAsync(
                async ct =>
                {
                    if (!registered)
                    {
                        // The secret travels to Telegram here and nowhere else; it is never logged.
                        await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: Wanted, maxConnections: settings.WebhookMaxConnections,
                            secretToken: settings.WebhookSecret, cancellationToken: ct);
                        registered = true;
                        log.LogInformation("Webhook set to {Url}", settings.WebhookUrl);
                    }

                    var info = await bot.GetWebhookInfo(ct);
                    if (!string.Equals(info.Url, settings.WebhookUrl, StringComparison.Ordinal))
                    {
                        // Someone (another instance, a manual deleteWebhook) changed it: set it again at once.
                        log.LogWarning("The webhook at Telegram is {Actual}, not {Expected}; setting it again", info.Url, settings.WebhookUrl);
                        registered = false;
                    }
                },
                "setWebhook",
                stoppingToken);
            if (!ok)
            {
                break;
            }

            if (registered)
            {
                await Task.Delay(WebhookCheckInterval, transport, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Runs a call until it succeeds, with back-off; false when stopping.</summary>
    private async Task<bool> RetryAsync(Func<CancellationToken, Task> call, string method, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await call(stoppingToken);
                LastSuccess = transport.GetUtcNow();
                LastError = null;
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or TaskCanceledException)
            {
                LastError = ex.Message;
                var wait = ex is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : backoff;
                log.LogWarning(ex, "{Method} failed; retrying in {Delay}", method, wait);
                await Task.Delay(wait, transport, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }

        return false;
    }
}
