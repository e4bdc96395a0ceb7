namespace Directive920Bot.Engagement;

public sealed record CampaignEngagement(string? QuizMode = null, bool? RequireQuizBeforeAck = null, int? ReminderAfterWorkingHours = null, int? MaxReminders = null);
