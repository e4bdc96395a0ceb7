using Directive920Bot.Registration;

namespace Directive920Bot.Implementation;

/// <summary>
/// The units' implementation reports compiled for a span of days: the periods it falls in, the reporting units, per
/// requirement the units done / in progress / not started / not reported, quoted highlights and the kiến nghị.
/// </summary>
public sealed record ImplementationDigest(
    IReadOnlyList<ReportingPeriod> Periods,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<RequirementTally> Requirements,
    IReadOnlyList<UnitQuote> Highlights,
    IReadOnlyList<UnitQuote> Proposals)
{
    public int UnitsReported => Units.Count(u => Requirements.Any(r => r.ReportedBy.Contains(u.Code)));
}

/// <summary>One requirement's counts among the reporting units.</summary>
public sealed record RequirementTally(Requirement Requirement, int Done, int InProgress, int NotStarted, int NotReported, IReadOnlySet<string> ReportedBy)
{
    public int Units => Done + InProgress + NotStarted + NotReported;
}

/// <summary>A unit's words on a requirement: what it did, or its kiến nghị.</summary>
public sealed record UnitQuote(string UnitCode, string UnitName, string RequirementId, string Text);
