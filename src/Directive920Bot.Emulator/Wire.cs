using System.Buffers;
using System.Text.Json;

namespace Directive920Bot.Emulator;

/// <summary>Writes Bot API objects in Telegram's snake_case wire format.</summary>
internal static class Wire
{
    public static long Unix(DateTimeOffset value) => value.ToUnixTimeSeconds();

    public static void WriteBotUser(Utf8JsonWriter w, long botId, string firstName, string username, bool full)
    {
        w.WriteStartObject();
        w.WriteNumber("id", botId);
        w.WriteBoolean("is_bot", true);
        w.WriteString("first_name", firstName);
        w.WriteString("username", username);
        if (full)
        {
            w.WriteBoolean("can_join_groups", false);
            w.WriteBoolean("can_read_all_group_messages", false);
            w.WriteBoolean("supports_inline_queries", false);
            w.WriteBoolean("can_connect_to_business", false);
            w.WriteBoolean("has_main_web_app", false);
        }

        w.WriteEndObject();
    }

    public static void WriteUser(Utf8JsonWriter w, EmulatedUser user)
    {
        w.WriteStartObject();
        w.WriteNumber("id", user.Id);
        w.WriteBoolean("is_bot", false);
        w.WriteString("first_name", user.FirstName);
        if (user.LastName is not null)
        {
            w.WriteString("last_name", user.LastName);
        }

        if (user.Username is not null)
        {
            w.WriteString("username", user.Username);
        }

        w.WriteString("language_code", user.LanguageCode);
        w.WriteEndObject();
    }

    public static void WriteChat(Utf8JsonWriter w, EmulatedUser user)
    {
        w.WriteStartObject();
        w.WriteNumber("id", user.Id);
        w.WriteString("type", "private");
        w.WriteString("first_name", user.FirstName);
        if (user.LastName is not null)
        {
            w.WriteString("last_name", user.LastName);
        }

        if (user.Username is not null)
        {
            w.WriteString("username", user.Username);
        }

        w.WriteEndObject();
    }

    public static void WriteMessage(Utf8JsonWriter w, ChatMessage m, EmulatedUser user, BotApiEmulator bot)
    {
        w.WriteStartObject();
        w.WriteNumber("message_id", m.MessageId);
        w.WritePropertyName("from");
        if (m.FromBot)
        {
            WriteBotUser(w, bot.BotId, bot.BotFirstName, bot.BotUsername, full: false);
        }
        else
        {
            WriteUser(w, user);
        }

        w.WritePropertyName("chat");
        WriteChat(w, user);
        w.WriteNumber("date", Unix(m.Date));
        if (m.EditDate is { } edited)
        {
            w.WriteNumber("edit_date", Unix(edited));
        }

        if (m.Photo is { } photo)
        {
            w.WriteStartArray("photo");
            WritePhotoSize(w, photo);
            w.WriteEndArray();
        }

        if (m.Document is { } document)
        {
            w.WritePropertyName("document");
            WriteDocument(w, document);
        }

        if (m.Poll is { } poll)
        {
            w.WritePropertyName("poll");
            WritePoll(w, poll);
        }

        if (m.Text is not null)
        {
            var media = m.HasMedia;
            w.WriteString(media ? "caption" : "text", m.Text);
            if (m.Entities.Count > 0)
            {
                w.WritePropertyName(media ? "caption_entities" : "entities");
                WriteEntities(w, m.Entities);
            }
        }

        if (m.Buttons.Count > 0)
        {
            w.WritePropertyName("reply_markup");
            WriteKeyboard(w, m.Buttons);
        }

        w.WriteEndObject();
    }

    public static void WriteEntities(Utf8JsonWriter w, IReadOnlyList<MessageEntityInfo> entities)
    {
        w.WriteStartArray();
        foreach (var e in entities)
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type);
            w.WriteNumber("offset", e.Offset);
            w.WriteNumber("length", e.Length);
            if (e.Url is not null)
            {
                w.WriteString("url", e.Url);
            }

            if (e.Language is not null)
            {
                w.WriteString("language", e.Language);
            }

            if (e.CustomEmojiId is not null)
            {
                w.WriteString("custom_emoji_id", e.CustomEmojiId);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteKeyboard(Utf8JsonWriter w, IReadOnlyList<IReadOnlyList<ChatButton>> rows)
    {
        w.WriteStartObject();
        w.WriteStartArray("inline_keyboard");
        foreach (var row in rows)
        {
            w.WriteStartArray();
            foreach (var b in row)
            {
                w.WriteStartObject();
                w.WriteString("text", b.Text);
                if (b.CallbackData is not null)
                {
                    w.WriteString("callback_data", b.CallbackData);
                }

                if (b.Url is not null)
                {
                    w.WriteString("url", b.Url);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WritePhotoSize(Utf8JsonWriter w, EmulatedFile f)
    {
        w.WriteStartObject();
        w.WriteString("file_id", f.FileId);
        w.WriteString("file_unique_id", f.FileUniqueId);
        w.WriteNumber("width", 0);
        w.WriteNumber("height", 0);
        w.WriteNumber("file_size", f.Size);
        w.WriteEndObject();
    }

    public static void WriteDocument(Utf8JsonWriter w, EmulatedFile f)
    {
        w.WriteStartObject();
        w.WriteString("file_id", f.FileId);
        w.WriteString("file_unique_id", f.FileUniqueId);
        w.WriteString("file_name", f.FileName);
        w.WriteString("mime_type", f.MimeType);
        w.WriteNumber("file_size", f.Size);
        w.WriteEndObject();
    }

    public static void WriteFile(Utf8JsonWriter w, EmulatedFile f)
    {
        w.WriteStartObject();
        w.WriteString("file_id", f.FileId);
        w.WriteString("file_unique_id", f.FileUniqueId);
        w.WriteNumber("file_size", f.Size);
        w.WriteString("file_path", f.FilePath);
        w.WriteEndObject();
    }

    public static void WritePoll(Utf8JsonWriter w, PollInfo p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("question", p.Question);
        w.WriteStartArray("options");
        for (var i = 0; i < p.Options.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("text", p.Options[i]);
            w.WriteNumber("voter_count", p.VoterCounts[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("total_voter_count", p.TotalVoterCount);
        w.WriteBoolean("is_closed", p.IsClosed);
        w.WriteBoolean("is_anonymous", p.IsAnonymous);
        w.WriteString("type", p.Type);
        w.WriteBoolean("allows_multiple_answers", p.AllowsMultipleAnswers);
        if (p.CorrectOptionId is { } correct)
        {
            w.WriteNumber("correct_option_id", correct);
            w.WriteStartArray("correct_option_ids");
            w.WriteNumberValue(correct);
            w.WriteEndArray();
        }

        if (p.Explanation is not null)
        {
            w.WriteString("explanation", p.Explanation);
        }

        w.WriteEndObject();
    }

    /// <summary>Serializes one value to UTF-8 bytes (used to freeze updates when they are queued).</summary>
    public static byte[] ToBytes<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w, state);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
