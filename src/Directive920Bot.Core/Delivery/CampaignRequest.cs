namespace Directive920Bot.Delivery;

/// <summary>What an admin asks for; validated by <see cref="CampaignService.Validate"/>. Times are instants; cron is in Bot:TimeZone.</summary>
public sealed record CampaignRequest(
    string? LessonId,
    string? Text,
    AudienceRequest? Audience,
    DateTimeOffset? SendAt = null,
    bool? RequireAck = null,
    string? Cron = null,
    string? QuizMode = null,
    CampaignReminders? Reminders = null,
    int Priority = 0,
    bool? RequireQuizBeforeAck = null);
