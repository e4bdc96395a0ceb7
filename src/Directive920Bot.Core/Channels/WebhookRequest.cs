using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Directive920Bot.Channels;

/// <summary>
/// What every channel's webhook does before its own handling: refuse a missing or wrong secret (401, nothing read),
/// then read the body as the channel's update type (400 when unreadable; the body is never logged — it is a user's message).
/// </summary>
public static class WebhookRequest
{
    /// <summary>The update, or the status to answer with (401 or 400) when there is none.</summary>
    public static async Task<(T? Update, int? Refusal)> ReadAsync<T>(HttpRequest request, string secretHeader, string? secret, JsonSerializerOptions json, ILogger log)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WebhookSecret.Matches(request.Headers[secretHeader].ToString(), secret))
        {
            return (null, StatusCodes.Status401Unauthorized);
        }

        try
        {
            var update = await JsonSerializer.DeserializeAsync<T>(request.Body, json, request.HttpContext.RequestAborted);
            return update is null ? (null, StatusCodes.Status400BadRequest) : (update, null);
        }
        catch (JsonException ex)
        {
            log.LogWarning("A webhook request with the right secret carried no readable update: {Error}", ex.Message);
            return (null, StatusCodes.Status400BadRequest);
        }
    }
}
