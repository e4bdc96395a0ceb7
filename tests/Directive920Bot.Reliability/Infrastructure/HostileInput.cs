using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>The texts, callback data and raw updates of the fuzz, all drawn from one seeded generator.</summary>
public sealed class HostileInput(Random random)
{
    private static readonly string[] Commands =
    [
        "/start", "/help", "/trogiup", "/huy", "/cancel", "/report", "/baocao", "/broadcast", "/grant 1 bloc", "/revoke",
        "/delete", "/xoa", "/mydata", "/pause", "/tamdung", "/resume", "/tieptuc", "/lessons", "/progress", "/feedback",
        "/hoi", "/ask", "/language en", "/roles", "/start p_forged", "/start u_NOPE", "/start " + new string('x', 64),
        "/nonexistent", "/help@other_bot", "/", "//", "/start@directive920_emulator_bot",
    ];

    private static readonly string[] Fragments =
    [
        "Nghị quyết", "Thông báo 920-TB/TU", "cải cách hành chính", "🙂", "👍🏽", "🇻🇳", "👨‍👩‍👧‍👦", "e\u0301\u0302\u0303",
        "Z\u0351\u0352\u0353\u0354", "مرحبا بالعالم", "שלום", "\u202Eevil\u202C", "\u200B\u200D\u2060", "\u0001\u0007\u001B[31m",
        "<b>đậm</b>", "<script>alert(1)</script>", "&nbsp;&amp;", "*_`[link](http://x)`_*", "' OR 1=1 --", "${jndi:x}",
        "%s%s%n", "\\u0000", "\uFFFD", "\uD83D", "NaN", "-1", "9223372036854775808", "Nguyễn Văn An", "SNV-VP",
    ];

    public string Command() => Commands[random.Next(Commands.Length)];

    /// <summary>A text a person might send, or one meant to break the bot (possibly over 4,096 characters).</summary>
    public string Text()
    {
        switch (random.Next(10))
        {
            case 0:
                return string.Concat(Enumerable.Repeat(Fragments[random.Next(Fragments.Length)], 4096 / 4 + random.Next(1, 400)));
            case 1:
                return Command() + " " + Fragments[random.Next(Fragments.Length)];
            default:
                var builder = new StringBuilder();
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    builder.Append(Fragments[random.Next(Fragments.Length)]).Append(' ');
                }

                return builder.ToString().Trim() is { Length: > 0 } text ? text : "?";
        }
    }

    /// <summary>Callback data nobody issued: random bytes as text, 1–64 UTF-8 bytes, sometimes shaped like a key.</summary>
    public string ForgedData()
    {
        var length = random.Next(1, 40);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0x21, 0x7F) : "abcdefghijklmnopqrstuvwxyz0123456789:_-"[random.Next(39)];
        }

        var data = new string(chars);
        while (Encoding.UTF8.GetByteCount(data) > 64)
        {
            data = data[..^1];
        }

        return data;
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A malformed or hostile file: garbage, a CSV of junk, a truncated ZIP named .xlsx, or a big one.</summary>
    public (string Name, byte[] Content, string Mime) Document()
    {
        return random.Next(6) switch
        {
            0 => ("roster.csv", Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, random.Next(1, 200)).Select(_ => Text().Replace("\n", " ", StringComparison.Ordinal)))), "text/csv"),
            1 => ("roster.xlsx", [0x50, 0x4B, 0x03, 0x04, .. Bytes(random.Next(10, 2000))], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            2 => ("units.csv", Encoding.UTF8.GetBytes("code,name,parent_code\n" + string.Concat(Enumerable.Repeat("\"unterminated,,,\n", random.Next(1, 50)))), "text/csv"),
            3 => ("big.csv", Bytes(3 * 1024 * 1024), "text/csv"),
            4 => ("noextension", Bytes(random.Next(0, 500)), "application/octet-stream"),
            _ => ("ảnh chụp 🙂.png", Bytes(random.Next(1, 5000)), "image/png"),
        };
    }

    /// <summary>A message update of a kind the emulator's user actions do not make: sticker, photo, location, empty text….</summary>
    public JsonObject OddMessage(long userId, int messageId)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Fuzz", ["language_code"] = random.Next(3) == 0 ? "ar" : "vi" },
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Fuzz" },
            ["date"] = 1_796_000_000 + messageId,
        };
        switch (random.Next(8))
        {
            case 0:
                message["sticker"] = new JsonObject { ["file_id"] = "CAAC" + messageId.ToString(CultureInfo.InvariantCulture), ["file_unique_id"] = "u" + messageId.ToString(CultureInfo.InvariantCulture), ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "😀" };
                break;
            case 1:
                message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgAC" + messageId.ToString(CultureInfo.InvariantCulture), ["file_unique_id"] = "p", ["width"] = 90, ["height"] = 90 });
                var caption = Text();
                message["caption"] = caption[..Math.Min(1024, caption.Length)];
                break;
            case 2:
                message["location"] = new JsonObject { ["latitude"] = 18.67, ["longitude"] = 105.69 };
                break;
            case 3:
                message["contact"] = new JsonObject { ["phone_number"] = "+84123456789", ["first_name"] = "Ai đó", ["user_id"] = userId + 1 };
                break;
            case 4:
                message["text"] = "";
                break;
            case 5:
                // A document whose size Telegram did not state, and a file_id the server never issued.
                message["document"] = new JsonObject { ["file_id"] = "BQAC-missing-" + messageId.ToString(CultureInfo.InvariantCulture), ["file_unique_id"] = "d", ["file_name"] = "roster.xlsx" };
                break;
            case 6:
                message["document"] = new JsonObject { ["file_id"] = "BQAC-huge-" + messageId.ToString(CultureInfo.InvariantCulture), ["file_unique_id"] = "h", ["file_name"] = "huge.csv", ["file_size"] = 2_000_000_000L };
                break;
            default:
                message["voice"] = new JsonObject { ["file_id"] = "AwAC", ["file_unique_id"] = "v", ["duration"] = 3 };
                break;
        }

        return message;
    }

    /// <summary>Update types the bot does not ask for (Telegram filters them by allowed_updates) and edited messages.</summary>
    public (string Type, JsonObject Payload) OddUpdate(long userId, int messageId) => random.Next(4) switch
    {
        0 => ("edited_message", WithEditDate(OddMessage(userId, messageId))),
        1 => ("message_reaction", new JsonObject { ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" }, ["message_id"] = messageId, ["date"] = 1_796_000_000, ["old_reaction"] = new JsonArray(), ["new_reaction"] = new JsonArray() }),
        2 => ("business_message", OddMessage(userId, messageId)),
        _ => ("x_future_update", new JsonObject { ["anything"] = Text() }),
    };

    private static JsonObject WithEditDate(JsonObject message)
    {
        message["edit_date"] = 1_796_000_100;
        return message;
    }
}
