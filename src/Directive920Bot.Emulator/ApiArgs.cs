using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Directive920Bot.Emulator;

/// <summary>Uniform access to Bot API parameters, whether they came as JSON, a form, multipart or the query string.</summary>
internal sealed class ApiArgs
{
    private readonly JsonElement _json;
    private readonly bool _hasJson;
    private readonly IFormCollection? _form;
    private readonly IQueryCollection _query;

    public ApiArgs(JsonElement json, bool hasJson, IFormCollection? form, IQueryCollection query)
    {
        _json = json;
        _hasJson = hasJson && json.ValueKind == JsonValueKind.Object;
        _form = form;
        _query = query;
    }

    private bool TryRaw(string name, out JsonElement element, out string? text)
    {
        element = default;
        text = null;
        if (_hasJson && _json.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (_form is not null && _form.TryGetValue(name, out var formValue) && formValue.Count > 0)
        {
            text = formValue[0];
            return true;
        }

        if (_query.TryGetValue(name, out var queryValue) && queryValue.Count > 0)
        {
            text = queryValue[0];
            return true;
        }

        return false;
    }

    public bool Has(string name) => TryRaw(name, out _, out _);

    public string? GetString(string name)
    {
        if (!TryRaw(name, out var element, out var text))
        {
            return null;
        }

        if (text is not null)
        {
            return text;
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
    }

    public long? GetLong(string name)
    {
        if (!TryRaw(name, out var element, out var text))
        {
            return null;
        }

        if (text is null && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
        {
            return number;
        }

        text ??= element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw ApiException.BadRequest($"invalid {name} specified");
    }

    public int? GetInt(string name)
    {
        var value = GetLong(name);
        return value is null ? null : value is >= int.MinValue and <= int.MaxValue ? (int)value : throw ApiException.BadRequest($"invalid {name} specified");
    }

    public bool GetBool(string name, bool defaultValue = false)
    {
        if (!TryRaw(name, out var element, out var text))
        {
            return defaultValue;
        }

        if (text is null)
        {
            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return element.GetBoolean();
            }

            text = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }

        return text switch
        {
            "true" or "True" or "1" => true,
            "false" or "False" or "0" or "" => false,
            _ => throw ApiException.BadRequest($"invalid {name} specified"),
        };
    }

    /// <summary>Object/array parameters; in forms they arrive JSON-serialized.</summary>
    public JsonElement? GetJson(string name)
    {
        if (!TryRaw(name, out var element, out var text))
        {
            return null;
        }

        if (text is null)
        {
            return element;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest($"can't parse {name} JSON object");
        }
    }

    /// <summary>An uploaded file sent under the parameter name, or referenced as attach://name.</summary>
    public IFormFile? GetFile(string name)
    {
        if (_form is null)
        {
            return null;
        }

        var file = _form.Files.GetFile(name);
        if (file is not null)
        {
            return file;
        }

        var value = GetString(name);
        return value is not null && value.StartsWith("attach://", StringComparison.Ordinal)
            ? _form.Files.GetFile(value["attach://".Length..])
            : null;
    }
}
