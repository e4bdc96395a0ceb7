using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>
/// A thin typed client of the Zalo Bot Platform HTTP API: <c>POST {ApiBaseUrl}/bot{token}/{method}</c> with a JSON body,
/// answered <c>{ ok, result, error_code, description }</c> (names checked against maintained clients: openclaw's
/// zalo/src/api.ts and channel docs, python-zalo-bot, vntrungld/zalo-bot-php-sdk; the platform's own pages were not
/// reachable from here). Throws <see cref="ZaloApiException"/> for <c>ok: false</c>; the address holds
/// the token, so the HttpClient's request logging is removed where it is registered and nothing here logs it.
/// </summary>
public sealed class ZaloBotClient(HttpClient http, IOptions<ZaloOptions> options)
{
    /// <summary>getUpdates' answer when the long poll ended with nothing (the platform's "Request timeout").</summary>
    public const int EmptyPoll = 408;

    public Task<ZaloBotInfo> GetMeAsync(CancellationToken ct) => CallAsync<ZaloBotInfo>("getMe", new { }, ct);

    /// <summary>
    /// One long poll: the next update, or null when none came within the timeout (error 408). Zalo's getUpdates returns
    /// one update per call and takes no offset, so nothing acknowledges receipt; the inbox deduplicates instead.
    /// </summary>
    public async Task<ZaloUpdate?> GetUpdateAsync(int timeoutSeconds, CancellationToken ct)
    {
        try
        {
            // The platform takes the timeout as a string (openclaw: "passed as string to API").
            return await CallAsync<ZaloUpdate>("getUpdates", new { timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture) }, ct);
        }
        catch (ZaloApiException ex) when (ex.ErrorCode == EmptyPoll)
        {
            return null;
        }
    }

    public Task<object?> SetWebhookAsync(string url, string secretToken, CancellationToken ct) =>
        CallAsync<object?>("setWebhook", new { url, secret_token = secretToken }, ct);

    public Task<object?> DeleteWebhookAsync(CancellationToken ct) => CallAsync<object?>("deleteWebhook", new { }, ct);

    public Task<ZaloSentMessage> SendMessageAsync(string chatId, string text, CancellationToken ct) =>
        CallAsync<ZaloSentMessage>("sendMessage", new { chat_id = chatId, text }, ct);

    /// <summary>sendPhoto takes the photo's public URL, not an upload.</summary>
    public Task<ZaloSentMessage> SendPhotoAsync(string chatId, string photoUrl, string? caption, CancellationToken ct) =>
        CallAsync<ZaloSentMessage>("sendPhoto", new { chat_id = chatId, photo = photoUrl, caption }, ct);

    /// <summary>"typing" (or "upload_photo") for a moment in the chat.</summary>
    public Task<object?> SendChatActionAsync(string chatId, string action, CancellationToken ct) =>
        CallAsync<object?>("sendChatAction", new { chat_id = chatId, action }, ct);

    private async Task<T> CallAsync<T>(string method, object body, CancellationToken ct)
    {
        var o = options.Value;
        var address = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/bot{o.BotToken}/{method}");
        using var response = await http.PostAsJsonAsync(address, body, ZaloJson.Options, ct);
        ZaloResponse<T>? answer = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            answer = await response.Content.ReadFromJsonAsync<ZaloResponse<T>>(ZaloJson.Options, ct);
        }

        if (answer is { Ok: true })
        {
            return answer.Result!;
        }

        var code = answer?.ErrorCode ?? (int)response.StatusCode;
        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
        if (code == (int)HttpStatusCode.TooManyRequests && retryAfter is null)
        {
            retryAfter = TimeSpan.FromSeconds(1);
        }

        throw new ZaloApiException(code, answer?.Description ?? response.ReasonPhrase, retryAfter);
    }
}
