using System.Text.Json;
using System.Net.Http.Headers;

namespace Directive920Bot.Emulator;

/// <summary>
/// Webhook delivery as Telegram does it: while a webhook is set, each pending update is POSTed to it as JSON with the
/// secret in X-Telegram-Bot-Api-Secret-Token; an update leaves the queue only when the bot answers 200, anything else
/// (an error status, a refused connection, a timeout) is retried with a growing delay and recorded for getWebhookInfo.
/// Updates go out one at a time, in order (Telegram may use up to max_connections; one keeps test transcripts ordered).
/// Only loopback addresses are called: the emulator never posts users' updates to the network.
/// </summary>
public sealed partial class BotApiEmulator
{
    private readonly HttpClient _webhookHttp = new() { Timeout = TimeSpan.FromSeconds(10) };
    private WebhookTarget? _webhook;
    private long _webhookDeliveries;
    private long _webhookFailures;

    /// <summary>The webhook set by the bot, or null while it polls.</summary>
    public Uri? WebhookUrl => Volatile.Read(ref _webhook)?.Url;

    /// <summary>The secret_token of the webhook set, or null.</summary>
    public string? WebhookSecret => Volatile.Read(ref _webhook)?.Secret;

    /// <summary>max_connections of the webhook set, or null.</summary>
    public int? WebhookMaxConnections => Volatile.Read(ref _webhook)?.MaxConnections;

    /// <summary>allowed_updates of the webhook set (empty: all), or null.</summary>
    public IReadOnlyList<string>? WebhookAllowedUpdates => Volatile.Read(ref _webhook)?.AllowedUpdates;

    /// <summary>Updates delivered to a webhook and answered 200.</summary>
    public long WebhookDeliveries => Interlocked.Read(ref _webhookDeliveries);

    /// <summary>Webhook deliveries answered with anything but 200 (or not answered); each is retried.</summary>
    public long WebhookFailures => Interlocked.Read(ref _webhookFailures);

    /// <summary>The status code of the webhook's last answer that was not 200, or null.</summary>
    public int? LastWebhookErrorStatus => Volatile.Read(ref _webhook)?.LastErrorStatus;

    private void StartWebhook(WebhookTarget target)
    {
        Interlocked.Exchange(ref _webhook, target)?.Stop.Cancel();
        _ = Task.Run(() => DeliverAsync(target));
    }

    private void StopWebhook() => Interlocked.Exchange(ref _webhook, null)?.Stop.Cancel();

    private async Task DeliverAsync(WebhookTarget target)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(target.Stop.Token, _shutdown.Token);
        var ct = stop.Token;
        var delay = _options.WebhookRetryDelay;
        while (!ct.IsCancellationRequested)
        {
            var next = _updates.PeekFirst(out var changed);
            if (next is not { } update)
            {
                await Task.WhenAny(changed, Task.Delay(Timeout.Infinite, ct)).ConfigureAwait(false);
                continue;
            }

            int? status = null;
            string error;
            if (!target.Url.IsLoopback)
            {
                error = "Connection refused: the emulator delivers to loopback addresses only";
            }
            else
            {
                try
                {
                    using var content = new ByteArrayContent(update.Json);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = content };
                    if (target.Secret is not null)
                    {
                        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", target.Secret);
                    }

                    using var response = await _webhookHttp.SendAsync(request, ct).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    error = $"Wrong response from the webhook: {status} {response.ReasonPhrase}";
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    error = "Connection failed: " + ex.Message;
                }
            }

            if (status == 200)
            {
                _updates.Confirm(update.Id);
                Interlocked.Increment(ref _webhookDeliveries);
                delay = _options.WebhookRetryDelay;
                SignalChanged();
                continue;
            }

            Interlocked.Increment(ref _webhookFailures);
            target.LastErrorStatus = status;
            target.LastErrorMessage = error;
            target.LastErrorDate = _time.GetUtcNow();
            try
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.WebhookMaxRetryDelay.Ticks));
        }
    }

    private sealed class WebhookTarget(Uri url, string? secret, int maxConnections, IReadOnlyList<string> allowedUpdates)
    {
        public IReadOnlyList<string> AllowedUpdates { get; } = allowedUpdates;

        public Uri Url { get; } = url;

        public string? Secret { get; } = secret;

        public int MaxConnections { get; } = maxConnections;

        public CancellationTokenSource Stop { get; } = new();

        public int? LastErrorStatus { get; set; }

        public string? LastErrorMessage { get; set; }

        public DateTimeOffset? LastErrorDate { get; set; }
    }

    private ValueTask SetWebhook(ApiCall call, Utf8JsonWriter w)
    {
        var url = call.Args.GetString("url");
        if (string.IsNullOrEmpty(url))
        {
            StopWebhook();
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || !(parsed.Scheme == "https" || (parsed.Scheme == "http" && parsed.IsLoopback)))
        {
            // Telegram takes https only; plain http to a loopback address is the emulator's concession to tests.
            throw ApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        else
        {
            var secret = call.Args.GetString("secret_token");
            if (secret is not null && (secret.Length is < 1 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                throw ApiException.BadRequest("bad webhook: secret token contains unallowed characters");
            }

            string[] types = [];
            if (call.Args.GetJson("allowed_updates") is { ValueKind: JsonValueKind.Array } allowed)
            {
                types = [.. allowed.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
                _updates.SetAllowed(types);
            }

            StartWebhook(new WebhookTarget(parsed, secret, Math.Clamp(call.Args.GetInt("max_connections") ?? 40, 1, 100), types));
        }

        if (call.Args.GetBool("drop_pending_updates"))
        {
            _updates.Clear();
        }

        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask DeleteWebhook(ApiCall call, Utf8JsonWriter w)
    {
        StopWebhook();
        if (call.Args.GetBool("drop_pending_updates"))
        {
            _updates.Clear();
        }

        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask GetWebhookInfo(Utf8JsonWriter w)
    {
        var target = Volatile.Read(ref _webhook);
        w.WriteStartObject();
        w.WriteString("url", target?.Url.OriginalString ?? string.Empty);
        w.WriteBoolean("has_custom_certificate", false);
        w.WriteNumber("pending_update_count", _updates.PendingCount);
        if (target is not null)
        {
            w.WriteNumber("max_connections", target.MaxConnections);
            if (target.LastErrorDate is { } date)
            {
                w.WriteNumber("last_error_date", date.ToUnixTimeSeconds());
                w.WriteString("last_error_message", target.LastErrorMessage);
            }
        }

        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
