using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Directive920Bot.Emulator;

/// <summary>HTTP front: routing, token check, latency, faults, rate limits and the response envelope.</summary>
public sealed partial class BotApiEmulator
{
    private delegate ValueTask MethodHandler(BotApiEmulator emulator, ApiCall call, Utf8JsonWriter writer);

    /// <param name="CountGlobal">Counts toward the per-bot limit (send*/edit*).</param>
    /// <param name="CountPerChat">Counts toward the per-chat limit (message-producing send*).</param>
    private sealed record MethodSpec(string Name, MethodHandler Handler, bool CountGlobal, bool CountPerChat);

    internal sealed class ApiCall(HttpContext http, ApiArgs args, long? chatId, CancellationToken aborted)
    {
        public HttpContext Http { get; } = http;

        public ApiArgs Args { get; } = args;

        public long? ChatId { get; } = chatId;

        public CancellationToken Aborted { get; } = aborted;
    }

    private static readonly FrozenDictionary<string, MethodSpec> Methods = new MethodSpec[]
    {
        new("getMe", static (e, c, w) => e.GetMe(w), false, false),
        new("getUpdates", static (e, c, w) => e.GetUpdatesAsync(c, w), false, false),
        new("sendMessage", static (e, c, w) => e.SendMessage(c, w), true, true),
        new("editMessageText", static (e, c, w) => e.EditMessageText(c, w), true, false),
        new("editMessageReplyMarkup", static (e, c, w) => e.EditMessageReplyMarkup(c, w), true, false),
        new("deleteMessage", static (e, c, w) => e.DeleteMessage(c, w), false, false),
        new("answerCallbackQuery", static (e, c, w) => e.AnswerCallbackQuery(c, w), false, false),
        new("sendPoll", static (e, c, w) => e.SendPoll(c, w), true, true),
        new("stopPoll", static (e, c, w) => e.StopPoll(c, w), true, false),
        new("sendPhoto", static (e, c, w) => e.SendFileAsync(c, w, "photo"), true, true),
        new("sendDocument", static (e, c, w) => e.SendFileAsync(c, w, "document"), true, true),
        new("getFile", static (e, c, w) => e.GetFileMethod(c, w), false, false),
        new("setMyCommands", static (e, c, w) => e.SetMyCommands(c, w), false, false),
        new("getMyCommands", static (e, c, w) => e.GetMyCommands(c, w), false, false),
        new("deleteMyCommands", static (e, c, w) => e.DeleteMyCommands(c, w), false, false),
        new("sendChatAction", static (e, c, w) => e.SendChatAction(c, w), true, false),
        new("setWebhook", static (e, c, w) => e.SetWebhook(c, w), false, false),
        new("deleteWebhook", static (e, c, w) => e.DeleteWebhook(c, w), false, false),
        new("getWebhookInfo", static (e, c, w) => e.GetWebhookInfo(w), false, false),
    }.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    private async Task HandleHttpAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/bot", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', 4);
            var token = slash < 0 ? path[4..] : path[4..slash];
            var method = slash < 0 ? string.Empty : path[(slash + 1)..].TrimEnd('/');
            await HandleBotApiAsync(http, token, method);
        }
        else if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await HandleFileDownloadAsync(http, path);
        }
        else if (path.StartsWith("/zalo/", StringComparison.Ordinal))
        {
            await Zalo.HandleAsync(http, path["/zalo".Length..]);
        }
        else if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            await HandleUserApiAsync(http, path["/_emulator/".Length..]);
        }
        else
        {
            await WriteErrorAsync(http, new ApiException(404, "Not Found"));
        }
    }

    private async Task HandleBotApiAsync(HttpContext http, string token, string methodName)
    {
        var at = _time.GetUtcNow();
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(http, new ApiException(401, "Unauthorized"));
            Record(methodName, null, 401, at, false, "Unauthorized");
            return;
        }

        if (!Methods.TryGetValue(methodName, out var spec))
        {
            await WriteErrorAsync(http, new ApiException(404, "Not Found"));
            Record(methodName, null, 404, at, false, "Not Found");
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _shutdown.Token);
        var aborted = linked.Token;
        long? chatId = null;
        var duringPenalty = false;
        JsonDocument? document = null;
        try
        {
            var latency = Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, aborted);
            }

            (var args, document) = await ReadArgsAsync(http, aborted);
            chatId = ParseChatId(args);

            if (await ApplyFaultAsync(http, spec.Name, chatId, aborted) is { } fault)
            {
                _calls.Enqueue(new BotCall(spec.Name, chatId, fault.Status, at, false, "injected fault") { RetryAfter = fault.RetryAfter });
                SignalChanged();
                return;
            }

            if (spec.CountGlobal || spec.CountPerChat)
            {
                var flood = spec.CountPerChat && chatId is { } id && _chats.TryGetValue(id, out var chat) ? chat.Flood : null;
                // Only sends may carry allow_paid_broadcast; Telegram then allows up to 1000 per second instead of ~30.
                var paid = spec.Name.StartsWith("send", StringComparison.Ordinal) && args.GetBool("allow_paid_broadcast");
                if (paid)
                {
                    Interlocked.Increment(ref _paidBroadcastSends);
                }

                var decision = _limiter.Check(spec.CountGlobal, flood, paid);
                if (decision.Limited)
                {
                    Interlocked.Increment(ref _tooManyRequests);
                    if (decision.DuringPenalty)
                    {
                        Interlocked.Increment(ref _requestsDuringPenalty);
                    }

                    duringPenalty = decision.DuringPenalty;
                    throw new ApiException(429, $"Too Many Requests: retry after {decision.RetryAfter}", decision.RetryAfter);
                }
            }

            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteBoolean("ok", true);
                writer.WritePropertyName("result");
                await spec.Handler(this, new ApiCall(http, args, chatId, aborted), writer);
                writer.WriteEndObject();
            }

            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = buffer.WrittenCount;
            await http.Response.Body.WriteAsync(buffer.WrittenMemory, aborted);
            Record(spec.Name, chatId, 200, at, false, null);
        }
        catch (ApiException error)
        {
            await WriteErrorAsync(http, error);
            Record(spec.Name, chatId, error.StatusCode, at, duringPenalty, error.Message);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the emulator is stopping; nothing left to answer.
            Record(spec.Name, chatId, 499, at, false, "client closed request");
        }
        finally
        {
            document?.Dispose();
        }
    }

    private void Record(string method, long? chatId, int status, DateTimeOffset at, bool duringPenalty, string? description)
    {
        _calls.Enqueue(new BotCall(method, chatId, status, at, duringPenalty, description));
        SignalChanged();
    }

    private static long? ParseChatId(ApiArgs args)
    {
        var raw = args.GetString("chat_id");
        return raw is not null && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static async Task<(ApiArgs Args, JsonDocument? Document)> ReadArgsAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return (new ApiArgs(default, false, form, request.Query), null);
        }

        if (request.ContentLength == 0 || request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (new ApiArgs(default, false, null, request.Query), null);
        }

        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, default, ct);
            return (new ApiArgs(document.RootElement, true, null, request.Query), document);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("can't parse JSON object");
        }
    }

    /// <summary>Applies the first matching fault; returns the status written (and retry_after), or null to continue normally.</summary>
    private async Task<(int Status, int? RetryAfter)?> ApplyFaultAsync(HttpContext http, string method, long? chatId, CancellationToken ct)
    {
        var faults = Volatile.Read(ref _faults);
        foreach (var fault in faults)
        {
            if (!fault.Matches(method, chatId) || !fault.TryConsume())
            {
                continue;
            }

            var rule = fault.Rule;
            switch (rule.Kind)
            {
                case FaultKind.Timeout:
                    await Task.Delay(rule.Delay, ct);
                    return null;
                case FaultKind.Abort:
                    if (rule.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(rule.Delay, ct);
                    }

                    http.Abort();
                    return (0, null);
                default:
                    var retryAfter = fault.NextRetryAfter();
                    var description = rule.Description ?? DefaultDescription(rule.StatusCode, retryAfter);
                    await WriteErrorAsync(http, new ApiException(rule.StatusCode, description, retryAfter));
                    return (rule.StatusCode, retryAfter);
            }
        }

        return null;
    }

    private static string DefaultDescription(int status, int? retryAfter) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => $"Too Many Requests: retry after {retryAfter ?? 1}",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Internal Server Error",
    };

    private static async Task WriteErrorAsync(HttpContext http, ApiException error)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", false);
            w.WriteNumber("error_code", error.StatusCode);
            w.WriteString("description", error.Message);
            if (error.RetryAfter is { } retry)
            {
                w.WriteStartObject("parameters");
                w.WriteNumber("retry_after", retry);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.WrittenCount;
        if (error.RetryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await http.Response.Body.WriteAsync(buffer.WrittenMemory);
    }

    private async Task HandleFileDownloadAsync(HttpContext http, string path)
    {
        // /file/bot{token}/{file_path}
        var rest = path["/file/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            await WriteErrorAsync(http, new ApiException(401, "Unauthorized"));
            return;
        }

        var filePath = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        if (!_filesByPath.TryGetValue(filePath, out var file))
        {
            await WriteErrorAsync(http, new ApiException(404, "Not Found"));
            return;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = file.MimeType;
        http.Response.ContentLength = file.Content.LongLength;
        await http.Response.Body.WriteAsync(file.Content, http.RequestAborted);
    }
}
