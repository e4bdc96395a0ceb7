namespace Directive920Bot.Engagement;

public sealed record ProgressSummary(int LessonsReceived, int LessonsAcknowledged, int Answered, int Correct, int DueForReview, int Streak);
