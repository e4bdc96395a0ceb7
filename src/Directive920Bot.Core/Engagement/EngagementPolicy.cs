namespace Directive920Bot.Engagement;

/// <summary>How one delivery is engaged with: the curriculum's defaults, overridden per campaign where it says so.</summary>
public sealed record EngagementPolicy(string QuizAfter, string QuizMode, bool RequireQuizBeforeAck, int ReminderAfterWorkingHours, int MaxReminders)
{
    public bool QuizAfterAcknowledgement => QuizAfter == "acknowledgement";

    public bool UsePolls => QuizMode == "poll";
}
