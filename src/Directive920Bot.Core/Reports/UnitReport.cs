namespace Directive920Bot.Reports;

/// <summary>A unit's figures rolled up over its sub-tree (the bloc's are the whole tree).</summary>
public sealed record UnitReport(
    string Code,
    string Name,
    int Depth,
    string? ParentCode,
    int Roster,
    int Registered,
    int Active,
    int Blocked,
    int Stopped,
    int QuizParticipants,
    int Delivered,
    int Acknowledged,
    IReadOnlyList<ItemFigures> Items,
    int ReviewDue = 0,
    int TelegramOnly = 0,
    int ZaloOnly = 0,
    int BothChannels = 0)
{
    // TelegramOnly/ZaloOnly/BothChannels: registered people by the channels they use; a linked person counts once, in BothChannels.

    /// <summary>Registered against the roster: how many of the people who should know have joined.</summary>
    public double? RegisteredRate => Ratio(Registered, Roster);

    public double? ActiveRateRegistered => Ratio(Active, Registered);

    public double? ActiveRateRoster => Ratio(Active, Roster);

    /// <summary>Acknowledgements per delivered message.</summary>
    public double? AckRate => Ratio(Acknowledged, Delivered);

    /// <summary>Acknowledgements per delivered message, scaled to the roster: what share of those who should know confirmed.</summary>
    public double? AckRateRoster => Roster == 0 || Registered == 0 || Delivered == 0 ? null : Math.Min(1, (double)Acknowledged / Delivered * Registered / Roster);

    public double? QuizParticipationRegistered => Ratio(QuizParticipants, Registered);

    public double? QuizParticipationRoster => Ratio(QuizParticipants, Roster);

    internal static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
