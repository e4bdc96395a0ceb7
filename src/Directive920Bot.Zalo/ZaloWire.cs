using System.Text.Json;
using System.Text.Json.Serialization;

namespace Directive920Bot.Zalo;

// The Bot Platform's wire shapes as its docs and maintained clients show them (openclaw's zalo/src/api.ts,
// python-zalo-bot, vntrungld/zalo-bot-php-sdk): every id is a string; getMe answers id, account_name, account_type;
// users carry display_name; chats are PRIVATE or GROUP; an update is { event_name, message } with no update_id.

/// <summary>Every answer: <c>{ ok, result, error_code, description }</c>.</summary>
public sealed record ZaloResponse<T>(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("result")] T? Result,
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("description")] string? Description);

public sealed record ZaloBotInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("account_name")] string? AccountName,
    [property: JsonPropertyName("account_type")] string? AccountType);

public sealed record ZaloUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("display_name")] string? DisplayName = null,
    [property: JsonPropertyName("is_bot")] bool IsBot = false);

public sealed record ZaloChat(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("chat_type")] string ChatType = ZaloChat.Private)
{
    public const string Private = "PRIVATE";
    public const string Group = "GROUP";
}

public sealed record ZaloMessage(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("from")] ZaloUser? From,
    [property: JsonPropertyName("chat")] ZaloChat Chat,
    [property: JsonPropertyName("date")] long Date = 0,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("photo")] string? Photo = null,
    [property: JsonPropertyName("caption")] string? Caption = null);

/// <summary>One update; getUpdates returns one of these per call (not a list) and the webhook body is one, bare.</summary>
public sealed record ZaloUpdate(
    [property: JsonPropertyName("event_name")] string EventName,
    [property: JsonPropertyName("message")] ZaloMessage? Message)
{
    public const string TextReceived = "message.text.received";

    /// <summary>The key the durable inbox deduplicates on: nothing else identifies an update (no update_id).</summary>
    public string? DedupKey => Message is { MessageId: { Length: > 0 } id } ? EventName + ":" + id : null;
}

/// <summary>What sendMessage / sendPhoto answer.</summary>
public sealed record ZaloSentMessage(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("date")] long Date = 0);

public static class ZaloJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
