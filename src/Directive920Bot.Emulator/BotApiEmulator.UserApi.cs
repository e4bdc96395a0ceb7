using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Directive920Bot.Emulator;

/// <summary>Loopback JSON API under /_emulator/ for a browser chat simulator (camelCase, no auth).</summary>
public sealed partial class BotApiEmulator
{
    private static readonly JsonSerializerOptions UserApiJson = new(JsonSerializerDefaults.Web);

    private sealed record NewUserRequest(long Id, string? FirstName, string? LastName, string? Username, string? LanguageCode);

    private sealed record TextRequest(string? Text);

    private sealed record PressRequest(int MessageId, string? CallbackData);

    private sealed record PollAnswerRequest(string? PollId, int[]? OptionIds);

    private async Task HandleUserApiAsync(HttpContext http, string route)
    {
        var method = http.Request.Method;
        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (parts)
            {
                case ["users"] when HttpMethods.IsGet(method):
                    await WriteUserJsonAsync(http, 200, Users.Select(UserDto));
                    return;
                case ["users"] when HttpMethods.IsPost(method):
                    var newUser = await ReadBodyAsync<NewUserRequest>(http);
                    var user = AddUser(newUser.Id, string.IsNullOrEmpty(newUser.FirstName) ? "User" : newUser.FirstName, newUser.LastName, newUser.Username, newUser.LanguageCode ?? "vi");
                    await WriteUserJsonAsync(http, 200, UserDto(user));
                    return;
                case ["chats", var id, "messages"] when HttpMethods.IsGet(method):
                    var after = long.TryParse(http.Request.Query["after"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
                    var version = CurrentVersion;
                    var messages = Transcript(ParseUserId(id)).Where(m => m.Version > after).Select(MessageDto).ToList();
                    await WriteUserJsonAsync(http, 200, new { version, messages });
                    return;
                case ["chats", var id, "text"] when HttpMethods.IsPost(method):
                    var text = await ReadBodyAsync<TextRequest>(http);
                    var messageId = SendText(ParseUserId(id), text.Text ?? string.Empty);
                    await WriteUserJsonAsync(http, 200, new { messageId });
                    return;
                case ["chats", var id, "press"] when HttpMethods.IsPost(method):
                    var press = await ReadBodyAsync<PressRequest>(http);
                    var callbackQueryId = PressButton(ParseUserId(id), press.MessageId, press.CallbackData ?? string.Empty);
                    try
                    {
                        await WaitUntilAsync(() => GetCallbackAnswer(callbackQueryId)?.Answered == true, TimeSpan.FromSeconds(5));
                    }
                    catch (TimeoutException)
                    {
                        // Unanswered is a valid outcome for the page to show.
                    }

                    var answer = GetCallbackAnswer(callbackQueryId);
                    await WriteUserJsonAsync(http, 200, new { callbackQueryId, answered = answer?.Answered ?? false, text = answer?.Text, showAlert = answer?.ShowAlert ?? false, url = answer?.Url });
                    return;
                case ["chats", var id, "poll-answer"] when HttpMethods.IsPost(method):
                    var vote = await ReadBodyAsync<PollAnswerRequest>(http);
                    AnswerPoll(ParseUserId(id), vote.PollId ?? string.Empty, vote.OptionIds ?? []);
                    await WriteUserJsonAsync(http, 200, new { ok = true });
                    return;
                case ["chats", var id, "block"] when HttpMethods.IsPost(method):
                    Block(ParseUserId(id));
                    await WriteUserJsonAsync(http, 200, new { ok = true });
                    return;
                case ["chats", var id, "unblock"] when HttpMethods.IsPost(method):
                    Unblock(ParseUserId(id));
                    await WriteUserJsonAsync(http, 200, new { ok = true });
                    return;
                case ["calls"] when HttpMethods.IsGet(method):
                    var last = int.TryParse(http.Request.Query["last"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n) : 100;
                    var calls = Calls;
                    await WriteUserJsonAsync(http, 200, calls.Skip(Math.Max(0, calls.Count - last)));
                    return;
                case ["files", var fileId] when HttpMethods.IsGet(method):
                    if (GetFile(Uri.UnescapeDataString(fileId)) is not { } file)
                    {
                        await WriteUserJsonAsync(http, 404, new { error = "file not found" });
                        return;
                    }

                    http.Response.ContentType = file.MimeType;
                    http.Response.ContentLength = file.Content.LongLength;
                    http.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(file.FileName)}";
                    await http.Response.Body.WriteAsync(file.Content, http.RequestAborted);
                    return;
                default:
                    await WriteUserJsonAsync(http, 404, new { error = "unknown emulator route" });
                    return;
            }
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            await WriteUserJsonAsync(http, 400, new { error = error.Message });
        }
    }

    private static long ParseUserId(string raw) =>
        long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : throw new FormatException($"'{raw}' is not a user id.");

    private static async Task<T> ReadBodyAsync<T>(HttpContext http) =>
        await JsonSerializer.DeserializeAsync<T>(http.Request.Body, UserApiJson, http.RequestAborted)
            ?? throw new FormatException("A JSON body is required.");

    private static Task WriteUserJsonAsync<T>(HttpContext http, int status, T value)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(value, UserApiJson, http.RequestAborted);
    }

    private static object UserDto(EmulatedUser u) =>
        new { id = u.Id, firstName = u.FirstName, lastName = u.LastName, username = u.Username, languageCode = u.LanguageCode, isBlocked = u.IsBlocked };

    private static object? FileDto(EmulatedFile? f) =>
        f is null ? null : new { fileId = f.FileId, fileName = f.FileName, mimeType = f.MimeType, size = f.Size };

    private static object MessageDto(ChatMessage m) => new
    {
        messageId = m.MessageId,
        fromBot = m.FromBot,
        date = m.Date,
        html = m.Html,
        text = m.Text,
        parseMode = m.ParseMode,
        buttons = m.Buttons,
        poll = m.Poll,
        photo = FileDto(m.Photo),
        document = FileDto(m.Document),
        editCount = m.EditCount,
        deleted = m.Deleted,
        version = m.Version,
    };
}
