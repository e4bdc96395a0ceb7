using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Webhook mode's way in: Telegram POSTs one update per request to the path of Telegram:WebhookUrl. The secret header is
/// compared in constant time before anything else; a missing or wrong one is answered 401 and nothing is read or stored.
/// A valid update is committed to the same durable inbox as polling's and answered 200 at once: handling runs after,
/// so a slow handler never makes Telegram time out and redeliver.
/// </summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not IOptions: mapping happens before the start validates the options, and a bad
        // value (a missing token, say) must stop the start with its own message, not fail here.
        var options = new TelegramOptions();
        app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(TelegramOptions.Section).Bind(options);
        if (options.Mode != TelegramMode.Webhook)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, HandleAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest>> HandleAsync(
        HttpRequest request, IOptions<TelegramOptions> options, UpdateProcessor processor, ILoggerFactory logs)
    {
        var (update, refusal) = await Channels.WebhookRequest.ReadAsync<Update>(request, SecretHeader, options.Value.WebhookSecret, JsonBotAPI.Options, logs.CreateLogger(typeof(WebhookEndpoint)));
        if (refusal == StatusCodes.Status401Unauthorized)
        {
            return TypedResults.Unauthorized();
        }

        if (update is null)
        {
            return TypedResults.BadRequest();
        }

        // The same entry point as polling: per-person limit, in-flight bound, durable inbox (a redelivered update_id is dropped).
        await processor.AcceptAsync([update], request.HttpContext.RequestAborted);
        return TypedResults.Ok();
    }
}
