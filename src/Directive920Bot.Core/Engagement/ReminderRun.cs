namespace Directive920Bot.Engagement;

public sealed record ReminderRun(int Watched, int Reminded, int Cancelled, int Escalated, int WeeklyReviewRows);
