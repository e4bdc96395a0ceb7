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
