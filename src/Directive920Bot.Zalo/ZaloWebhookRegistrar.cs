using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>Webhook mode: registers Zalo:WebhookUrl with its secret at start; a failure is logged (the service still serves Telegram).</summary>
public sealed class ZaloWebhookRegistrar(ZaloBotClient client, IOptions<ZaloOptions> options, ILogger<ZaloWebhookRegistrar> log) : IHostedService
{
    /// <summary>Null before the start's setWebhook ended; then whether Zalo accepted it.</summary>
    public bool? Registered { get; private set; }

    /// <summary>Why setWebhook failed (an error code or a kind of failure, never the token).</summary>
    public string? LastError { get; private set; }

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
            Registered = true;
        }
        catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException)
        {
            Registered = false;
            LastError = ZaloHealthCheck.Describe(ex);
            log.LogError("Zalo setWebhook failed: {Error}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
