using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Telegram;

/// <summary>The thin long-polling loop: fetch, store in the inbox, hand over, repeat. It never dies on a handler's error.</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
}
