namespace Directive920Bot.Implementation;

/// <summary>
/// Counts (never texts) of the commitments on one requirement among some units' cadres for a year: how many committed, and
/// their self-assessments at mid-year and year-end (not assessed = committed − the three).
/// </summary>
public sealed record CommitmentCounts(
    string RequirementId,
    int Committed,
    int MidYearDone,
    int MidYearPartly,
    int MidYearNotYet,
    int YearEndDone,
    int YearEndPartly,
    int YearEndNotYet);
