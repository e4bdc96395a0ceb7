using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>Webhook mode: registers Zalo:WebhookUrl with its secret at start; a failure is logged (the service still serves Telegram).</summary>
internal sealed class ZaloWebhookRegistrar(ZaloBotClient client, IOptions<ZaloOptions> options, ILogger<ZaloWebhookRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.HasToken || o.Mode != ZaloMode.Webhook)
        {
            return;
        }

        try
        {
            await client.SetWebhookAsync(o.WebhookUrl!, o.WebhookSecret!, cancellationToken);
        }
        catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException)
        {
            log.LogError("Zalo setWebhook failed: {Error}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
