namespace Directive920Bot.Reports;

/// <summary>
/// A unit's figures (rolled up over its sub-tree) for a period of local days: what was sent, acknowledged and answered
/// in it. Roster size and subscription states have no history, so they are the current values (<see cref="RosterNow"/>,
/// <see cref="ActiveNow"/>…); registrations are counted as of the end of the period.
/// </summary>
public sealed record PeriodReport(
    string Code,
    string Name,
    DateOnly From,
    DateOnly To,
    DateTime FromUtc,
    DateTime ToUtc,
    int RosterNow,
    int RegisteredAtEnd,
    int ActiveNow,
    int BlockedNow,
    int StoppedNow,
    int Reached,
    int QuizParticipants,
    IReadOnlyList<ItemFigures> Items,
    IReadOnlyList<QuestionFigures> Questions,
    int TelegramOnlyNow = 0,
    int ZaloOnlyNow = 0,
    int BothChannelsNow = 0)
{
    public int Delivered => Items.Sum(i => i.Delivered);

    public int OnTime => Items.Sum(i => i.OnTime);

    public int Late => Items.Sum(i => i.Late);

    public int Acknowledged => OnTime + Late;

    public double? AckRate => UnitReport.Ratio(Acknowledged, Delivered);

    public double? RegisteredRate => UnitReport.Ratio(RegisteredAtEnd, RosterNow);

    public double? ReachedRate => UnitReport.Ratio(Reached, RegisteredAtEnd);

    public double? QuizParticipationRate => UnitReport.Ratio(QuizParticipants, RegisteredAtEnd);

    public int Answered => Questions.Sum(q => q.Answered);

    public int Correct => Questions.Sum(q => q.Correct);

    public double? Accuracy => UnitReport.Ratio(Correct, Answered);
}
