using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.WebConsole;

/// <summary>
/// The create form of a campaign as posted (strings as typed, so a page with errors shows them again), turned into a
/// <see cref="CampaignRequest"/>. The campaign rules stay <see cref="CampaignService.Validate"/>'s: this only reads the
/// fields, keeps a unit admin within their units, and words the service's errors for the person beside each field.
/// </summary>
public sealed record CampaignForm(
    string Kind,
    string? LessonId,
    string? Text,
    IReadOnlyList<string> Units,
    bool SubUnits,
    bool All,
    IReadOnlyList<string> Roles,
    bool PartyMembers,
    string When,
    string? At,
    string Repeat,
    string Weekday,
    string Time,
    bool RequireAck,
    string QuizBeforeAck,
    string? RemindAfter,
    string? RemindMax)
{
    public static readonly IReadOnlyList<string> Weekdays = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    public static CampaignForm Empty { get; } = new("text", null, null, [], true, false, [], false, "now", null, "weekdays", "MON", "08:00", true, "", null, null);

    public static CampaignForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Value(string key) => form[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        return new CampaignForm(
            Value("kind") == "lesson" ? "lesson" : "text",
            Value("lessonId"),
            form["text"].ToString() is { Length: > 0 } text ? text : null,
            [.. form["units"].Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct(StringComparer.Ordinal)],
            form["subUnits"].Contains("1"),
            form["all"].Contains("1"),
            [.. form["roles"].Where(r => r is "leader" or "staff").Select(r => r!).Distinct(StringComparer.Ordinal)],
            form["party"].Contains("1"),
            Value("when") is "at" or "repeat" ? Value("when")! : "now",
            Value("at"),
            Value("repeat") == "weekly" ? "weekly" : "weekdays",
            Value("weekday") is { } day && Weekdays.Contains(day) ? day : "MON",
            Value("time") ?? "08:00",
            form["requireAck"].Contains("1"),
            Value("quizBeforeAck") is "true" or "false" ? Value("quizBeforeAck")! : "",
            Value("remindAfter"),
            Value("remindMax"));
    }

    /// <summary>The request and the errors by form field: only a request without errors may be created (nothing is written here).</summary>
    public (CampaignRequest Request, IReadOnlyDictionary<string, Loc> Errors) ToRequest(AccessGrant grant, IUnits units, BotClock clock, CampaignService campaigns)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(campaigns);
        var errors = new Dictionary<string, Loc>(StringComparer.Ordinal);
        if (All && !grant.IsBlocAdmin)
        {
            errors["units"] = CampaignTexts.ErrorAllScope;
        }
        else if (Units.Any(code => units.Find(code) is not null && !grant.Covers(units, code)))
        {
            errors["units"] = CampaignTexts.ErrorUnitScope;
        }
        else if (!All && Units.Count == 0)
        {
            // Roles or party members alone would mean everyone of that kind in the bloc: the form asks for the units.
            errors["units"] = CampaignTexts.ErrorAudience;
        }

        DateTimeOffset? sendAt = null;
        string? cron = null;
        if (When == "at")
        {
            if (At is null || !DateTime.TryParseExact(At.Replace(' ', 'T'), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                errors["at"] = CampaignTexts.ErrorAt;
            }
            else
            {
                sendAt = clock.ToUtc(local);
            }
        }
        else if (When == "repeat")
        {
            if (!TimeOnly.TryParseExact(Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                errors["repeat"] = CampaignTexts.ErrorRepeat;
            }
            else
            {
                var days = Repeat == "weekly" ? Weekday : "MON-FRI";
                cron = string.Create(CultureInfo.InvariantCulture, $"0 {time.Minute} {time.Hour} ? * {days}");
            }
        }

        CampaignReminders? reminders = null;
        if (RemindAfter is not null || RemindMax is not null)
        {
            if (!TryCount(RemindAfter, out var after) || !TryCount(RemindMax, out var max))
            {
                errors["reminders"] = CampaignTexts.ErrorReminders;
            }
            else
            {
                reminders = new CampaignReminders { AfterWorkingHours = after, Max = max };
            }
        }

        var lesson = Kind == "lesson";
        var request = new CampaignRequest(
            lesson ? LessonId : null,
            lesson ? null : Text,
            new AudienceRequest(
                Units: All ? null : [.. Units],
                IncludeSubUnits: SubUnits,
                Roles: Roles.Count == 0 ? null : [.. Roles],
                All: All && grant.IsBlocAdmin,
                PartyMembersOnly: PartyMembers),
            sendAt,
            RequireAck,
            cron,
            Reminders: reminders,
            RequireQuizBeforeAck: lesson && QuizBeforeAck is "true" or "false" ? QuizBeforeAck == "true" : null);
        foreach (var (field, _) in campaigns.Validate(request))
        {
            var (key, text) = field switch
            {
                "lessonId" when lesson && LessonId is not null => ("content", CampaignTexts.ErrorLesson),
                "lessonId" or "text" => ("content", CampaignTexts.ErrorContent),
                "sendAt" => ("at", CampaignTexts.ErrorAt),
                "cron" => ("repeat", CampaignTexts.ErrorRepeat),
                "reminders" => ("reminders", CampaignTexts.ErrorReminders),
                "requireQuizBeforeAck" => ("quizBeforeAck", CampaignTexts.ErrorQuizGate),
                _ => ("units", CampaignTexts.ErrorAudience),
            };
            errors.TryAdd(key, text);
        }

        return (request, errors);
    }

    private static bool TryCount(string? text, out int? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            value = n;
            return true;
        }

        return false;
    }
}
