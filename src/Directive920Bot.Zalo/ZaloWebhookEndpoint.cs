using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>
/// Webhook mode's way in: the platform POSTs one bare update per request (no envelope) and sends the setWebhook
/// secret_token back in <see cref="SecretHeader"/> (openclaw's zalo monitor and the PHP SDK's webhook helper check the
/// same header). The secret is compared in constant time before anything else; a missing or wrong one is answered 401
/// and nothing is read or stored. A valid update is committed to the durable inbox and answered 200 at once.
/// </summary>
public static class ZaloWebhookEndpoint
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not IOptions: mapping happens before the start validates the options.
        var options = new ZaloOptions();
        app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(ZaloOptions.Section).Bind(options);
        if (!options.HasToken || options.Mode != ZaloMode.Webhook)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, HandleAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest>> HandleAsync(
        HttpRequest request, IOptions<ZaloOptions> options, ZaloProcessor processor, ILoggerFactory logs)
    {
        var (update, refusal) = await Channels.WebhookRequest.ReadAsync<ZaloUpdate>(request, SecretHeader, options.Value.WebhookSecret, ZaloJson.Options, logs.CreateLogger(typeof(ZaloWebhookEndpoint)));
        if (refusal == StatusCodes.Status401Unauthorized)
        {
            return TypedResults.Unauthorized();
        }

        if (update is null || string.IsNullOrEmpty(update.EventName))
        {
            return TypedResults.BadRequest();
        }

        await processor.AcceptAsync(update, request.HttpContext.RequestAborted);
        return TypedResults.Ok();
    }
}
