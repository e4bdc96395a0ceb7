namespace Directive920Bot.Reports;

/// <summary>Per-unit figures that are not per item: quiz participants (distinct people who answered at least once).</summary>
public sealed class UnitCounter
{
    public string Id { get; set; } = "";

    public int QuizParticipants { get; set; }
}
