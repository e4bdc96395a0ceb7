using System.Globalization;
using System.Text.Json;

namespace Directive920Bot.Delivery;

/// <summary>Reads a campaign request from JSON by hand, so that every wrong field is named (e.g. <c>audience.units[1]</c>).</summary>
public static class CampaignRequestReader
{
    public static async Task<(CampaignRequest? Request, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"The body is not valid JSON: {ex.Message}"];
            return (null, errors);
        }

        using (document)
        {
            var result = Read(document.RootElement, errors);
            return (errors.Count == 0 ? result : null, errors);
        }
    }

    public static CampaignRequest? Read(JsonElement root, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (root.ValueKind != JsonValueKind.Object)
        {
            Add("body", "The body must be a JSON object.");
            return null;
        }

        string? String(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Add(path, "must be a string or null.");
                return null;
            }

            return value.GetString();
        }

        bool? Bool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Add(path, "must be true or false.");
                return null;
            }

            return value.GetBoolean();
        }

        int? Int(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                Add(path, "must be a whole number.");
                return null;
            }

            return number;
        }

        List<T>? Array<T>(JsonElement parent, string name, string path, Func<JsonElement, (bool Ok, T Value)> item, string itemRule)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Add(path, "must be an array or null.");
                return null;
            }

            var list = new List<T>();
            var i = 0;
            foreach (var element in value.EnumerateArray())
            {
                var (ok, parsed) = item(element);
                if (ok)
                {
                    list.Add(parsed);
                }
                else
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), itemRule);
                }

                i++;
            }

            return list;
        }

        static (bool, string) AsString(JsonElement e) => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? (true, e.GetString()!) : (false, "");
        static (bool, long) AsLong(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? (true, v) : (false, 0);

        var lessonId = String(root, "lessonId", "lessonId");
        var text = String(root, "text", "text");
        var requireAck = Bool(root, "requireAck", "requireAck");
        var cron = String(root, "cron", "cron");
        var quizMode = String(root, "quizMode", "quizMode");
        var requireQuizBeforeAck = Bool(root, "requireQuizBeforeAck", "requireQuizBeforeAck");
        var priority = Int(root, "priority", "priority") ?? 0;
        DateTimeOffset? sendAt = null;
        if (String(root, "sendAt", "sendAt") is { } rawSendAt)
        {
            if (DateTimeOffset.TryParseExact(rawSendAt, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && (rawSendAt.EndsWith('Z') || rawSendAt.Contains('+', StringComparison.Ordinal) || rawSendAt.LastIndexOf('-') > 9))
            {
                sendAt = parsed;
            }
            else
            {
                Add("sendAt", $"must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T08:00:00+07:00; was '{rawSendAt}'.");
            }
        }

        CampaignReminders? reminders = null;
        if (root.TryGetProperty("reminders", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Object)
            {
                Add("reminders", "must be an object or null.");
            }
            else
            {
                reminders = new CampaignReminders { AfterWorkingHours = Int(r, "afterWorkingHours", "reminders.afterWorkingHours"), Max = Int(r, "max", "reminders.max") };
            }
        }

        AudienceRequest? audience = null;
        if (root.TryGetProperty("audience", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind != JsonValueKind.Object)
            {
                Add("audience", "must be an object.");
            }
            else
            {
                audience = new AudienceRequest(
                    Array(a, "units", "audience.units", AsString, "must be a unit code."),
                    Bool(a, "includeSubUnits", "audience.includeSubUnits") ?? true,
                    Array(a, "roles", "audience.roles", AsString, "must be leader or staff."),
                    Array(a, "subscriberIds", "audience.subscriberIds", AsLong, "must be a Telegram user id."),
                    Bool(a, "all", "audience.all") ?? false,
                    Bool(a, "partyMembersOnly", "audience.partyMembersOnly") ?? false);
            }
        }

        return new CampaignRequest(lessonId, text, audience, sendAt, requireAck, cron, quizMode, reminders, priority, requireQuizBeforeAck);
    }
}
