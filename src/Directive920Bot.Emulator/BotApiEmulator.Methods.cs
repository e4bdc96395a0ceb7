using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;

namespace Directive920Bot.Emulator;

/// <summary>Bot API method implementations; strict where Telegram is strict.</summary>
public sealed partial class BotApiEmulator
{
    private const string NotModified = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly FrozenSet<string> ChatActions = new[]
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    }.ToFrozenSet(StringComparer.Ordinal);

    private ValueTask GetMe(Utf8JsonWriter w)
    {
        Wire.WriteBotUser(w, BotId, BotFirstName, BotUsername, full: true);
        return ValueTask.CompletedTask;
    }

    private async ValueTask GetUpdatesAsync(ApiCall call, Utf8JsonWriter w)
    {
        if (Volatile.Read(ref _webhook) is not null)
        {
            throw new ApiException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = call.Args.GetLong("offset") ?? 0;
        var limit = call.Args.GetInt("limit") ?? 100;
        limit = Math.Clamp(limit, 1, 100);
        var timeout = Math.Clamp(call.Args.GetInt("timeout") ?? 0, 0, 600);
        if (call.Args.GetJson("allowed_updates") is { ValueKind: JsonValueKind.Array } allowed)
        {
            _updates.SetAllowed([.. allowed.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]);
        }

        // Long-poll on the wall clock: it is I/O behaviour, not a rate window.
        var deadline = Environment.TickCount64 + (timeout * 1000L);
        List<byte[]> batch;
        while (true)
        {
            batch = _updates.Take(offset, limit, out var changed);
            var left = deadline - Environment.TickCount64;
            if (batch.Count > 0 || left <= 0)
            {
                break;
            }

            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromMilliseconds(left), call.Aborted));
            call.Aborted.ThrowIfCancellationRequested();
        }

        w.WriteStartArray();
        foreach (var update in batch)
        {
            w.WriteRawValue(update, skipInputValidation: true);
        }

        w.WriteEndArray();
    }

    private ChatState ResolveChat(ApiCall call)
    {
        var raw = call.Args.GetString("chat_id");
        if (string.IsNullOrEmpty(raw))
        {
            throw ApiException.BadRequest("chat_id is empty");
        }

        if (call.ChatId is not { } id || !_chats.TryGetValue(id, out var chat))
        {
            throw ApiException.BadRequest("chat not found");
        }

        if (chat.User.IsBlocked)
        {
            throw new ApiException(403, "Forbidden: bot was blocked by the user");
        }

        return chat;
    }

    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Parses text per parse_mode and enforces Telegram's length limit after parsing.</summary>
    /// <summary>The text of sendMessage/editMessageText: present, within 4096 characters after parsing, and not blank.</summary>
    private static (string Raw, string Text, List<MessageEntityInfo> Entities, string? ParseMode) ParseMessageText(ApiCall call, string tooLong)
    {
        var raw = call.Args.GetString("text");
        if (string.IsNullOrEmpty(raw))
        {
            throw ApiException.BadRequest("message text is empty");
        }

        var parsed = ParseFormatted(raw, call.Args.GetString("parse_mode"), 4096, tooLong);
        return string.IsNullOrWhiteSpace(parsed.Text) ? throw ApiException.BadRequest("message text is empty") : parsed;
    }

    private static (string Raw, string Text, List<MessageEntityInfo> Entities, string? ParseMode) ParseFormatted(string raw, string? parseMode, int maxLength, string tooLong)
    {
        string text;
        List<MessageEntityInfo> entities;
        string? mode = null;
        if (string.IsNullOrEmpty(parseMode) || parseMode.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            text = raw;
            entities = [];
        }
        else if (parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase))
        {
            (text, entities) = TelegramHtml.Parse(raw);
            mode = "HTML";
        }
        else if (parseMode.StartsWith("Markdown", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.BadRequest($"parse_mode {parseMode} is not supported by the emulator; use HTML");
        }
        else
        {
            throw ApiException.BadRequest($"unsupported parse_mode \"{parseMode}\"");
        }

        if (CountCharacters(text) > maxLength)
        {
            throw ApiException.BadRequest(tooLong);
        }

        return (raw, text, entities, mode);
    }

    private static List<IReadOnlyList<ChatButton>> ParseKeyboard(ApiCall call)
    {
        if (call.Args.GetJson("reply_markup") is not { ValueKind: JsonValueKind.Object } markup
            || !markup.TryGetProperty("inline_keyboard", out var keyboard))
        {
            // Reply keyboards and removals are accepted but not modelled.
            return [];
        }

        if (keyboard.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }

        var rows = new List<IReadOnlyList<ChatButton>>();
        foreach (var rowElement in keyboard.EnumerateArray())
        {
            if (rowElement.ValueKind != JsonValueKind.Array)
            {
                throw ApiException.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            }

            var row = new List<ChatButton>();
            foreach (var b in rowElement.EnumerateArray())
            {
                var text = b.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (string.IsNullOrEmpty(text))
                {
                    throw ApiException.BadRequest("BUTTON_TEXT_EMPTY");
                }

                string? data = null;
                string? url = null;
                if (b.TryGetProperty("callback_data", out var d) && d.ValueKind == JsonValueKind.String)
                {
                    data = d.GetString()!;
                    var bytes = Encoding.UTF8.GetByteCount(data);
                    if (bytes is < 1 or > 64)
                    {
                        throw ApiException.BadRequest("BUTTON_DATA_INVALID");
                    }
                }
                else if (b.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                {
                    url = u.GetString()!;
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https" or "tg"))
                    {
                        throw ApiException.BadRequest($"inline keyboard button URL '{url}' is invalid: Unsupported URL protocol");
                    }
                }
                else if (!b.EnumerateObject().Any(p => p.Name != "text"))
                {
                    throw ApiException.BadRequest("text buttons are unallowed in the inline keyboard");
                }

                row.Add(new ChatButton(text, data, url));
            }

            if (row.Count > 0)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static bool SameButtons(IReadOnlyList<IReadOnlyList<ChatButton>> a, IReadOnlyList<IReadOnlyList<ChatButton>> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.SequenceEqual(p.Second));

    private ChatMessage AddBotMessage(ChatState chat, Func<int, long, ChatMessage> create)
    {
        var message = AddMessage(chat, create);
        return message;
    }

    private ValueTask SendMessage(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var parsed = ParseMessageText(call, "message is too long");

        var buttons = ParseKeyboard(call);
        var message = AddBotMessage(chat, (id, version) => new ChatMessage
        {
            MessageId = id,
            ChatId = chat.User.Id,
            FromBot = true,
            Date = _time.GetUtcNow(),
            Html = parsed.Raw,
            Text = parsed.Text,
            ParseMode = parsed.ParseMode,
            Entities = parsed.Entities,
            Buttons = buttons,
            Version = version,
        });
        Wire.WriteMessage(w, message, chat.User, this);
        return ValueTask.CompletedTask;
    }

    private static int RequireMessageId(ApiCall call)
    {
        if (call.Args.Has("inline_message_id"))
        {
            throw ApiException.BadRequest("inline messages are not supported by the emulator");
        }

        return call.Args.GetInt("message_id") ?? throw ApiException.BadRequest("message_id is empty");
    }

    /// <summary>Replaces a bot message under the chat lock; <paramref name="update"/> validates against the current state.</summary>
    private ChatMessage EditBotMessage(ChatState chat, int messageId, string notFound, Func<ChatMessage, ChatMessage> update)
    {
        ChatMessage updated;
        lock (chat.Gate)
        {
            var current = chat.Find(messageId);
            if (current is null || current.Deleted)
            {
                throw ApiException.BadRequest(notFound);
            }

            if (!current.FromBot)
            {
                throw ApiException.BadRequest("message can't be edited");
            }

            updated = update(current) with { Version = NextVersion() };
            chat.Messages[chat.IndexById[messageId]] = updated;
        }

        OnMessageChanged(updated);
        return updated;
    }

    private ValueTask EditMessageText(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var messageId = RequireMessageId(call);
        var parsed = ParseMessageText(call, "MESSAGE_TOO_LONG");

        IReadOnlyList<IReadOnlyList<ChatButton>> buttons = ParseKeyboard(call);
        var now = _time.GetUtcNow();
        var message = EditBotMessage(chat, messageId, "message to edit not found", current =>
        {
            if (current.HasMedia || current.Poll is not null)
            {
                throw ApiException.BadRequest("there is no text in the message to edit");
            }

            if (current.Text == parsed.Text && current.Entities.SequenceEqual(parsed.Entities) && SameButtons(current.Buttons, buttons))
            {
                throw ApiException.BadRequest(NotModified);
            }

            return current with
            {
                Html = parsed.Raw,
                Text = parsed.Text,
                ParseMode = parsed.ParseMode,
                Entities = parsed.Entities,
                Buttons = buttons,
                EditCount = current.EditCount + 1,
                EditDate = now,
            };
        });
        Wire.WriteMessage(w, message, chat.User, this);
        return ValueTask.CompletedTask;
    }

    private ValueTask EditMessageReplyMarkup(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var messageId = RequireMessageId(call);
        IReadOnlyList<IReadOnlyList<ChatButton>> buttons = ParseKeyboard(call);
        var now = _time.GetUtcNow();
        var message = EditBotMessage(chat, messageId, "message to edit not found", current =>
        {
            if (SameButtons(current.Buttons, buttons))
            {
                throw ApiException.BadRequest(NotModified);
            }

            return current with { Buttons = buttons, EditCount = current.EditCount + 1, EditDate = now };
        });
        Wire.WriteMessage(w, message, chat.User, this);
        return ValueTask.CompletedTask;
    }

    private ValueTask DeleteMessage(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var messageId = call.Args.GetInt("message_id") ?? throw ApiException.BadRequest("message_id is empty");
        ChatMessage updated;
        lock (chat.Gate)
        {
            var current = chat.Find(messageId);
            if (current is null || current.Deleted)
            {
                throw ApiException.BadRequest("message to delete not found");
            }

            updated = current with { Deleted = true, Version = NextVersion() };
            chat.Messages[chat.IndexById[messageId]] = updated;
        }

        OnMessageChanged(updated);
        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask AnswerCallbackQuery(ApiCall call, Utf8JsonWriter w)
    {
        const string tooOld = "query is too old and response timeout expired or query ID is invalid";
        var id = call.Args.GetString("callback_query_id");
        if (string.IsNullOrEmpty(id) || !_callbacks.TryGetValue(id, out var state))
        {
            throw ApiException.BadRequest(tooOld);
        }

        var text = call.Args.GetString("text");
        if (text is not null && CountCharacters(text) > 200)
        {
            throw ApiException.BadRequest("MESSAGE_TOO_LONG");
        }

        lock (state)
        {
            state.AnswerCount++;
            if (state.Answered)
            {
                SignalChanged();
                throw ApiException.BadRequest(tooOld);
            }

            state.Answered = true;
            state.Text = text;
            state.ShowAlert = call.Args.GetBool("show_alert");
            state.Url = call.Args.GetString("url");
        }

        SignalChanged();
        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask SendPoll(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var question = call.Args.GetString("question");
        if (string.IsNullOrWhiteSpace(question))
        {
            throw ApiException.BadRequest("poll question must be non-empty");
        }

        if (CountCharacters(question) > 300)
        {
            throw ApiException.BadRequest("poll question length must not exceed 300");
        }

        var options = new List<string>();
        if (call.Args.GetJson("options") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var o in array.EnumerateArray())
            {
                var text = o.ValueKind == JsonValueKind.String ? o.GetString()
                    : o.ValueKind == JsonValueKind.Object && o.TryGetProperty("text", out var t) ? t.GetString()
                    : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw ApiException.BadRequest("poll options must be non-empty");
                }

                if (CountCharacters(text) > 100)
                {
                    throw ApiException.BadRequest("poll options length must not exceed 100");
                }

                options.Add(text);
            }
        }

        if (options.Count < 2)
        {
            throw ApiException.BadRequest("poll must have at least 2 option");
        }

        if (options.Count > 12)
        {
            throw ApiException.BadRequest("poll can't have more than 12 options");
        }

        var type = call.Args.GetString("type") ?? "regular";
        if (type is not ("regular" or "quiz"))
        {
            throw ApiException.BadRequest("wrong poll type specified");
        }

        var multiple = call.Args.GetBool("allows_multiple_answers");

        // Bot API 9.x sends correct_option_ids; older clients send correct_option_id.
        var correctIds = new List<int>();
        if (call.Args.GetInt("correct_option_id") is { } single)
        {
            correctIds.Add(single);
        }

        if (call.Args.GetJson("correct_option_ids") is { ValueKind: JsonValueKind.Array } ids)
        {
            correctIds.AddRange(ids.EnumerateArray().Select(e => e.TryGetInt32(out var v) ? v : -1));
        }

        if (type == "quiz")
        {
            if (correctIds.Count == 0)
            {
                throw ApiException.BadRequest("quiz poll must have correct_option_id");
            }

            if (correctIds.Count > 1 && !multiple)
            {
                throw ApiException.BadRequest("quiz poll with a single answer can have only one correct option");
            }
        }

        if (correctIds.Any(c => c < 0 || c >= options.Count))
        {
            throw ApiException.BadRequest("wrong correct option ID specified");
        }

        int? correct = type == "quiz" ? correctIds[0] : null;

        string? explanation = null;
        if (call.Args.GetString("explanation") is { Length: > 0 } rawExplanation)
        {
            explanation = ParseFormatted(rawExplanation, call.Args.GetString("explanation_parse_mode"), 200, "poll explanation length must not exceed 200").Text;
        }

        var pollId = Interlocked.Increment(ref _nextPollId).ToString(CultureInfo.InvariantCulture);
        var info = new PollInfo(pollId, question, options, new int[options.Count], type, call.Args.GetBool("is_anonymous", defaultValue: true), multiple, correct, explanation, call.Args.GetBool("is_closed"), 0);
        var buttons = ParseKeyboard(call);
        var message = AddBotMessage(chat, (id, version) => new ChatMessage
        {
            MessageId = id,
            ChatId = chat.User.Id,
            FromBot = true,
            Date = _time.GetUtcNow(),
            Poll = info,
            Buttons = buttons,
            Version = version,
        });
        _polls[pollId] = new PollState(pollId, chat.User.Id, message.MessageId);
        Wire.WriteMessage(w, message, chat.User, this);
        return ValueTask.CompletedTask;
    }

    private ValueTask StopPoll(ApiCall call, Utf8JsonWriter w)
    {
        var chat = ResolveChat(call);
        var messageId = RequireMessageId(call);
        var buttons = ParseKeyboard(call);
        var message = EditBotMessage(chat, messageId, "message to edit not found", current =>
        {
            if (current.Poll is not { } poll)
            {
                throw ApiException.BadRequest("message with poll to stop not found");
            }

            if (poll.IsClosed)
            {
                throw ApiException.BadRequest("poll has already been closed");
            }

            return current with { Poll = poll with { IsClosed = true }, Buttons = buttons };
        });
        Wire.WritePoll(w, message.Poll!);
        return ValueTask.CompletedTask;
    }

    private async ValueTask SendFileAsync(ApiCall call, Utf8JsonWriter w, string kind)
    {
        var chat = ResolveChat(call);
        var file = await ResolveInputFileAsync(call, kind);
        string? raw = null;
        string? text = null;
        string? mode = null;
        IReadOnlyList<MessageEntityInfo> entities = [];
        if (call.Args.GetString("caption") is { Length: > 0 } caption)
        {
            var parsed = ParseFormatted(caption, call.Args.GetString("parse_mode"), 1024, "message caption is too long");
            (raw, text, entities, mode) = (parsed.Raw, parsed.Text, parsed.Entities, parsed.ParseMode);
        }

        var buttons = ParseKeyboard(call);
        var message = AddBotMessage(chat, (id, version) => new ChatMessage
        {
            MessageId = id,
            ChatId = chat.User.Id,
            FromBot = true,
            Date = _time.GetUtcNow(),
            Html = raw,
            Text = text,
            ParseMode = mode,
            Entities = entities,
            Buttons = buttons,
            Photo = kind == "photo" ? file : null,
            Document = kind == "document" ? file : null,
            Version = version,
        });
        Wire.WriteMessage(w, message, chat.User, this);
    }

    private async Task<EmulatedFile> ResolveInputFileAsync(ApiCall call, string kind)
    {
        var upload = call.Args.GetFile(kind);
        if (upload is not null)
        {
            using var buffer = new MemoryStream((int)Math.Min(upload.Length, int.MaxValue));
            await upload.CopyToAsync(buffer, call.Aborted);
            var name = string.IsNullOrEmpty(upload.FileName) ? kind : upload.FileName;
            var mime = upload.ContentType;
            if (string.IsNullOrEmpty(mime) || mime == "application/octet-stream")
            {
                mime = ContentTypes.TryGetContentType(name, out var guessed) ? guessed : kind == "photo" ? "image/jpeg" : "application/octet-stream";
            }

            return StoreFile(kind + "s", name, mime, buffer.ToArray());
        }

        var reference = call.Args.GetString(kind);
        if (string.IsNullOrEmpty(reference))
        {
            throw ApiException.BadRequest($"there is no {kind} in the request");
        }

        if (_filesById.TryGetValue(reference, out var existing))
        {
            return existing;
        }

        throw reference.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? ApiException.BadRequest("failed to get HTTP URL content (the emulator does not fetch URLs)")
            : ApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }

    private ValueTask GetFileMethod(ApiCall call, Utf8JsonWriter w)
    {
        var id = call.Args.GetString("file_id");
        if (string.IsNullOrEmpty(id) || !_filesById.TryGetValue(id, out var file))
        {
            throw ApiException.BadRequest("invalid file_id");
        }

        Wire.WriteFile(w, file);
        return ValueTask.CompletedTask;
    }
}
