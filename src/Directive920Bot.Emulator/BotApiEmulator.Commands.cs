using System.Globalization;
using System.Text.Json;

namespace Directive920Bot.Emulator;

/// <summary>Bot API methods about the bot's command menu and chat actions.</summary>
public sealed partial class BotApiEmulator
{
    private ValueTask SetMyCommands(ApiCall call, Utf8JsonWriter w)
    {
        var language = call.Args.GetString("language_code") ?? string.Empty;
        var list = new List<BotCommandRecord>();
        if (call.Args.GetJson("commands") is not { ValueKind: JsonValueKind.Array } commands)
        {
            throw ApiException.BadRequest("commands is empty");
        }

        foreach (var c in commands.EnumerateArray())
        {
            var command = c.TryGetProperty("command", out var cmd) ? cmd.GetString() : null;
            var description = c.TryGetProperty("description", out var d) ? d.GetString() : null;
            if (string.IsNullOrEmpty(command) || command.Length > 32 || !command.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
            {
                throw ApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (string.IsNullOrWhiteSpace(description) || CountCharacters(description) > 256)
            {
                throw ApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            list.Add(new BotCommandRecord(command, description, language.Length == 0 ? null : language));
        }

        if (list.Count > 100)
        {
            throw ApiException.BadRequest("too many commands");
        }

        _commands[language] = list;
        SignalChanged();
        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask GetMyCommands(ApiCall call, Utf8JsonWriter w)
    {
        var language = call.Args.GetString("language_code") ?? string.Empty;
        w.WriteStartArray();
        foreach (var c in _commands.GetValueOrDefault(language) ?? [])
        {
            w.WriteStartObject();
            w.WriteString("command", c.Command);
            w.WriteString("description", c.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        return ValueTask.CompletedTask;
    }

    private ValueTask DeleteMyCommands(ApiCall call, Utf8JsonWriter w)
    {
        _commands.TryRemove(call.Args.GetString("language_code") ?? string.Empty, out _);
        SignalChanged();
        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }

    private ValueTask SendChatAction(ApiCall call, Utf8JsonWriter w)
    {
        ResolveChat(call);
        var action = call.Args.GetString("action");
        if (action is null || !ChatActions.Contains(action))
        {
            throw ApiException.BadRequest("wrong parameter action in request");
        }

        w.WriteBooleanValue(true);
        return ValueTask.CompletedTask;
    }
}
