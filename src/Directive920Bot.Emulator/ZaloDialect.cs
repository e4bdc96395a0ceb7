using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Directive920Bot.Emulator;

/// <summary>
/// The Zalo Bot Platform's dialect of the emulator, served by the same process under <c>/zalo</c>
/// (<see cref="BotApiEmulator.ZaloBaseUrl"/>): <c>POST /zalo/bot{token}/{method}</c> answered
/// <c>{ ok, result, error_code, description }</c>; string ids; getMe with id, account_name, account_type; getUpdates
/// long-polls and returns ONE update (no list, no offset, no update_id) or error 408 when none came; sendMessage refuses
/// more than <see cref="MessageLimit"/> characters; sendPhoto takes a URL (<c>chat_id</c>, <c>photo</c>, <c>caption</c>),
/// which the emulator FETCHES as the platform does, refusing with 400 what it cannot fetch or is no image of at most
/// <see cref="PhotoLimit"/> bytes, and keeps the bytes in the transcript; setWebhook with a secret_token, after which
/// every update is POSTed bare to the webhook with the secret in <c>X-Bot-Api-Secret-Token</c>. No buttons, no edits,
/// no polls: those methods do not exist here. Users are played through the public methods (<see cref="SendText"/> …).
/// </summary>
public sealed class ZaloDialect : IDisposable
{
    /// <summary>Zalo's sendMessage limit.</summary>
    public const int MessageLimit = 2000;

    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    /// <summary>The largest photo fetched: Zalo's image attachments are JPG or PNG of at most 1 MB.</summary>
    public const int PhotoLimit = 1024 * 1024;

    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, ZaloEmulatedUser> users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> delivered = new(StringComparer.Ordinal);
    private readonly Channel<JsonObject> pending = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentQueue<string> calls = new();
    private readonly HttpClient webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly HttpClient photoClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (string Url, string Secret)? webhook;
    private long nextMessage = 1_000;
    private readonly List<(ZaloFaultRule Rule, int[] Left)> faults = [];

    internal ZaloDialect(TimeProvider time) => this.time = time;

    public string Token { get; } = "3141592653589793:zalo-emulator-token";

    public string BotId { get; } = "3141592653589793";

    /// <summary>The methods the bot called, in order.</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    /// <summary>The webhook set with setWebhook; null in polling mode.</summary>
    public string? WebhookUrl => webhook?.Url;

    /// <summary>Answers of the service to webhook deliveries (HTTP status codes), in order.</summary>
    public ConcurrentQueue<int> WebhookAnswers { get; } = new();

    /// <summary>A Zalo user (ids are strings); answers 403 to sends once <see cref="Block"/>ed.</summary>
    public ZaloEmulatedUser AddUser(string id, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return users.GetOrAdd(id, _ => new ZaloEmulatedUser(id, displayName));
    }

    /// <summary>The user types <paramref name="text"/> in their private chat with the bot; returns the message id.</summary>
    public string SendText(string userId, string text) => Post(userId, "message.text.received", text);

    /// <summary>The user sends a sticker (an event the bot cannot read as text).</summary>
    public string SendSticker(string userId) => Post(userId, "message.sticker.received", null);

    /// <summary>The user writes in a group the bot is in: a GROUP chat.</summary>
    public string SendInGroup(string userId, string groupId, string text) => Post(userId, "message.text.received", text, groupId);

    /// <summary>The platform delivers an update again (a lost acknowledgement, a retried webhook).</summary>
    public void Redeliver(string messageId) => Deliver(delivered[messageId]);

    /// <summary>The update of a message as the platform sends it (for posting to a webhook by hand).</summary>
    public string UpdateJson(string messageId) => delivered[messageId].ToJsonString();

    public void Block(string userId) => users[userId].Blocked = true;

    /// <summary>Breaks matching calls until <see cref="ZaloFaultRule.Count"/> of them were broken (or <see cref="ClearFaults"/>).</summary>
    public void InjectFault(ZaloFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (faults)
        {
            faults.Add((rule, [rule.Count ?? int.MaxValue]));
        }
    }

    public void ClearFaults()
    {
        lock (faults)
        {
            faults.Clear();
        }
    }

    public IReadOnlyList<ZaloChatMessage> Transcript(string userId)
    {
        var user = users[userId];
        lock (user.Messages)
        {
            return [.. user.Messages];
        }
    }

    /// <summary>The bot's messages to the user after <paramref name="after"/> of them, waiting until <paramref name="count"/> more arrived.</summary>
    public async Task<ZaloChatMessage> WaitForBotMessageAsync(string userId, Func<ZaloChatMessage, bool>? predicate = null, TimeSpan? timeout = null)
    {
        // The emulator keeps its own time (it is not the service): a monotonic stopwatch bounds the wait.
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            var found = Transcript(userId).LastOrDefault(m => m.FromBot && (predicate?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            var left = limit - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No Zalo bot message for {userId}. Transcript:\n" +
                    string.Join("\n", Transcript(userId).Select(m => (m.FromBot ? "bot: " : "user: ") + m.Text)));
            }

            await Task.WhenAny(signal, Task.Delay(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)));
        }
    }

    public void Dispose()
    {
        webhookClient.Dispose();
        photoClient.Dispose();
    }

    internal async Task HandleAsync(HttpContext http, string path)
    {
        // path: /bot{token}/{method}
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || path.IndexOf('/', 4) is var slash && slash < 0)
        {
            await WriteAsync(http, Error(404, "Not Found"));
            return;
        }

        var token = path[4..slash];
        var method = path[(slash + 1)..].TrimEnd('/');
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            await WriteAsync(http, Error(401, "Unauthorized"));
            return;
        }

        JsonObject args;
        try
        {
            args = http.Request.ContentLength is > 0 || http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                ? (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject() ?? []
                : [];
        }
        catch (JsonException)
        {
            await WriteAsync(http, Error(400, "Bad Request: invalid JSON"));
            return;
        }

        calls.Enqueue(method);
        if (TakeFault(method, args["chat_id"]?.ToString()) is { } fault)
        {
            switch (fault.Kind)
            {
                case FaultKind.Abort:
                    await Task.Delay(fault.Delay, http.RequestAborted);
                    http.Abort();
                    return;
                case FaultKind.Timeout:
                    // Held past the client's patience; answered normally if it is still waiting.
                    await Task.Delay(fault.Delay, http.RequestAborted);
                    break;
                default:
                    if (fault.RetryAfter is { } seconds)
                    {
                        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    }

                    await WriteAsync(http, Error(fault.StatusCode, fault.Description ?? (fault.StatusCode == 429 ? "Too Many Requests" : "Internal Server Error")));
                    return;
            }
        }

        var answer = method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["account_name"] = "bot.d920emulator", ["account_type"] = "BASIC" }),
            "getUpdates" => await GetUpdatesAsync(args, http.RequestAborted),
            "sendMessage" => SendMessage(args),
            "sendPhoto" => await SendPhotoAsync(args, http.RequestAborted),
            "sendChatAction" => ChatAction(args),
            "setWebhook" => SetWebhook(args),
            "deleteWebhook" => DeleteWebhook(),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = webhook?.Url ?? "" }),
            _ => Error(404, $"Not Found: method {method}"),
        };
        await WriteAsync(http, answer);
    }

    private ZaloFaultRule? TakeFault(string method, string? chatId)
    {
        lock (faults)
        {
            foreach (var (rule, left) in faults)
            {
                if (left[0] > 0 && (rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) &&
                    (rule.ChatId is null || string.Equals(rule.ChatId, chatId, StringComparison.Ordinal)))
                {
                    left[0]--;
                    return rule;
                }
            }
        }

        return null;
    }

    private async Task<(int Status, JsonObject Body)> GetUpdatesAsync(JsonObject args, CancellationToken aborted)
    {
        if (webhook is not null)
        {
            return Error(409, "Conflict: webhook is active");
        }

        var seconds = args["timeout"] is { } t && int.TryParse(t.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        wait.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 50)));
        try
        {
            // One update per call; taking it is its delivery (nothing acknowledges it).
            var update = await pending.Reader.ReadAsync(wait.Token);
            return Ok(update.DeepClone());
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Error(408, "Request timeout");
        }
    }

    private (int Status, JsonObject Body) SendMessage(JsonObject args)
    {
        var text = args["text"]?.ToString();
        if (string.IsNullOrEmpty(text))
        {
            return Error(400, "Bad Request: text is empty");
        }

        if (text.Length > MessageLimit)
        {
            return Error(400, $"Bad Request: text is too long (max {MessageLimit} characters)");
        }

        return Deliver(args, text, null);
    }

    private async Task<(int Status, JsonObject Body)> SendPhotoAsync(JsonObject args, CancellationToken aborted)
    {
        var photo = args["photo"]?.ToString();
        if (!Uri.TryCreate(photo, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Error(400, "Bad Request: photo must be a URL");
        }

        var caption = args["caption"]?.ToString() ?? "";
        if (caption.Length > MessageLimit)
        {
            return Error(400, $"Bad Request: caption is too long (max {MessageLimit} characters)");
        }

        if (!users.ContainsKey(args["chat_id"]?.ToString() ?? ""))
        {
            return Error(404, "Not Found: user not found");
        }

        // The platform downloads the photo before it delivers anything: a link that does not answer with an image is refused.
        byte[] bytes;
        string? contentType;
        try
        {
            using var response = await photoClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, aborted);
            contentType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode || contentType is not ("image/png" or "image/jpeg"))
            {
                return Error(400, $"Bad Request: photo could not be fetched from the URL (HTTP {(int)response.StatusCode}, {contentType ?? "no type"})");
            }

            if (response.Content.Headers.ContentLength > PhotoLimit)
            {
                return Error(400, "Bad Request: photo is larger than 1 MB");
            }

            bytes = await response.Content.ReadAsByteArrayAsync(aborted);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !aborted.IsCancellationRequested)
        {
            return Error(400, "Bad Request: photo could not be fetched from the URL");
        }

        if (bytes.Length is 0 or > PhotoLimit)
        {
            return Error(400, "Bad Request: photo is empty or larger than 1 MB");
        }

        return Deliver(args, caption, photo, bytes, contentType);
    }

    private (int Status, JsonObject Body) Deliver(JsonObject args, string text, string? photo, byte[]? bytes = null, string? contentType = null)
    {
        var chatId = args["chat_id"]?.ToString() ?? "";
        if (!users.TryGetValue(chatId, out var user))
        {
            return Error(404, "Not Found: user not found");
        }

        if (user.Blocked)
        {
            return Error(403, "Forbidden: user has blocked the bot");
        }

        var id = NextId();
        Record(user, new ZaloChatMessage(id, FromBot: true, text, photo, time.GetUtcNow(), bytes, contentType));
        return Ok(new JsonObject { ["message_id"] = id, ["date"] = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    private (int Status, JsonObject Body) ChatAction(JsonObject args) =>
        users.ContainsKey(args["chat_id"]?.ToString() ?? "") ? Ok(true) : Error(404, "Not Found: user not found");

    private (int Status, JsonObject Body) SetWebhook(JsonObject args)
    {
        var url = args["url"]?.ToString();
        var secret = args["secret_token"]?.ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out _) || secret is not { Length: >= 8 and <= 256 })
        {
            return Error(400, "Bad Request: url and secret_token (8-256 characters) are required");
        }

        webhook = (url!, secret);
        return Ok(new JsonObject { ["url"] = url });
    }

    private (int Status, JsonObject Body) DeleteWebhook()
    {
        webhook = null;
        return Ok(new JsonObject { ["url"] = "" });
    }

    private string Post(string userId, string eventName, string? text, string? groupId = null)
    {
        var user = users[userId];
        var id = NextId();
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = user.Id, ["display_name"] = user.DisplayName, ["is_bot"] = false },
            ["chat"] = new JsonObject { ["id"] = groupId ?? user.Id, ["chat_type"] = groupId is null ? "PRIVATE" : "GROUP" },
            ["date"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        var update = new JsonObject { ["event_name"] = eventName, ["message"] = message };
        delivered[id] = update;
        if (groupId is null)
        {
            Record(user, new ZaloChatMessage(id, FromBot: false, text ?? "", null, time.GetUtcNow()));
        }

        Deliver(update);
        return id;
    }

    private void Deliver(JsonObject update)
    {
        if (webhook is { } hook)
        {
            _ = PostToWebhookAsync(hook.Url, hook.Secret, update.ToJsonString());
        }
        else
        {
            pending.Writer.TryWrite(update);
        }
    }

    private async Task PostToWebhookAsync(string url, string secret, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(SecretHeader, secret);
        try
        {
            using var response = await webhookClient.SendAsync(request);
            WebhookAnswers.Enqueue((int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            WebhookAnswers.Enqueue(0);
        }
    }

    private void Record(ZaloEmulatedUser user, ZaloChatMessage message)
    {
        lock (user.Messages)
        {
            user.Messages.Add(message);
        }

        lock (gate)
        {
            var done = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.TrySetResult();
        }
    }

    private string NextId() => "zm" + Interlocked.Increment(ref nextMessage).ToString(CultureInfo.InvariantCulture);

    private static (int Status, JsonObject Body) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int Status, JsonObject Body) Error(int code, string description) =>
        (code, new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description });

    private static async Task WriteAsync(HttpContext http, (int Status, JsonObject Body) answer)
    {
        http.Response.StatusCode = answer.Status;
        await http.Response.WriteAsJsonAsync(answer.Body, http.RequestAborted);
    }
}
