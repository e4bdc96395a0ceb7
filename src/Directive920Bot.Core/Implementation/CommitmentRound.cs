namespace Directive920Bot.Implementation;

/// <summary>The two moments of the year a cadre is asked to assess their commitments.</summary>
public enum CommitmentRound
{
    MidYear = 1,
    YearEnd = 2,
}
