using System.Globalization;
using System.Text.Json;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.Delivery;

public sealed record CampaignView(
    string Id,
    string Kind,
    string Status,
    string? LessonId,
    string? Text,
    bool RequireAck,
    CampaignAudience Audience,
    DateTime? SendAt,
    string? Cron,
    DateTime? NextOccurrenceAt,
    int Occurrences,
    string? QuizMode,
    CampaignReminders? Reminders,
    bool? RequireQuizBeforeAck,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? CancelledAt,
    CampaignProgress Progress)
{
    public static CampaignView From(Campaign c, CampaignProgress progress)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Kind == DeliveryKind.Lesson ? "lesson" : "announcement", CampaignService.StatusOf(c, progress), c.LessonId, c.Text,
            c.RequireAck, c.Audience, c.SendAt, c.Cron, c.NextOccurrenceAt, c.Occurrences, c.QuizMode, c.Reminders, c.RequireQuizBeforeAck, c.CreatedBy, c.CreatedAt,
            c.CancelledAt, progress);
    }
}

public sealed record DeliveryView(string Id, long SubscriberId, string? UnitCode, string? Role, string Language, string State, int Attempts,
    string? LastError, int? MessageId, DateTime DueAt, DateTime? SentAt)
{
    public static DeliveryView From(DeliveryRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.SubscriberId, r.UnitCode, r.Role?.ToString().ToLowerInvariant(), r.Language,
            r.State.ToString().ToLowerInvariant(), r.Attempts, r.LastError, r.MessageId, r.DueAt, r.SentAt);
    }
}

/// <summary>The campaign part of the admin API; bloc admins only (unit admins get 403). <see cref="CampaignService"/> audits the changes.</summary>
public sealed class CampaignEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/campaigns").RequireAuthorization(ApiAuth.BlocAdminPolicy);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", (CampaignService campaigns) =>
            TypedResults.Ok(campaigns.List().Select(c => CampaignView.From(c, campaigns.Progress(c.Id))).ToList()));
        group.MapGet("/{id}", Results<Ok<CampaignView>, NotFound<ProblemDetails>> (string id, CampaignService campaigns) =>
            campaigns.Find(id) is { } c ? TypedResults.Ok(CampaignView.From(c, campaigns.Progress(id))) : NotFound(id));
        group.MapPost("/{id}/cancel", Results<Ok<CampaignView>, NotFound<ProblemDetails>> (string id, HttpContext http, CampaignService campaigns) =>
            campaigns.Cancel(id, http.GetActor()) is null ? NotFound(id) : TypedResults.Ok(CampaignView.From(campaigns.Find(id)!, campaigns.Progress(id))));
        group.MapPost("/{id}/resend-failed", Results<Ok<ResendResult>, NotFound<ProblemDetails>> (string id, HttpContext http, CampaignService campaigns) =>
            campaigns.ResendFailed(id, http.GetActor()) is { } n ? TypedResults.Ok(new ResendResult(id, n)) : NotFound(id));
        group.MapGet("/{id}/deliveries", Results<Ok<List<DeliveryView>>, NotFound<ProblemDetails>, ValidationProblem> (string id, string? state, CampaignService campaigns) =>
        {
            DeliveryState? filter = null;
            if (!string.IsNullOrEmpty(state))
            {
                if (!Enum.TryParse<DeliveryState>(state, ignoreCase: true, out var parsed) || int.TryParse(state, out _))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["state"] = [$"Unknown state '{state}'; use pending, sending, sent, failed, blocked or skipped."],
                    });
                }

                filter = parsed;
            }

            return campaigns.Find(id) is null ? NotFound(id) : TypedResults.Ok(campaigns.Deliveries(id, filter).Select(DeliveryView.From).ToList());
        });
        group.MapGet("/{id}/preview", Results<Ok<CampaignPreview>, NotFound<ProblemDetails>> (string id, CampaignService campaigns) =>
            campaigns.Preview(id) is { } preview ? TypedResults.Ok(preview) : NotFound(id));
    }

    private static async Task<Results<Created<CreatedCampaign>, ValidationProblem>> CreateAsync(HttpContext http, CampaignService campaigns)
    {
        var (request, errors) = await CampaignRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var campaign = campaigns.Create(request, http.GetActor());
            return TypedResults.Created($"/api/campaigns/{campaign.Id}", new CreatedCampaign(campaign.Id));
        }
        catch (CampaignValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static NotFound<ProblemDetails> NotFound(string id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Campaign not found", Detail = $"No campaign '{id}'.", Status = 404 });

    public sealed record CreatedCampaign(string Id);

    public sealed record ResendResult(string Id, int Requeued);
}

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
                    Bool(a, "all", "audience.all") ?? false);
            }
        }

        return new CampaignRequest(lessonId, text, audience, sendAt, requireAck, cron, quizMode, reminders, priority, requireQuizBeforeAck);
    }
}
