namespace Directive920Bot.Implementation;

/// <summary>One unit's statuses in one period, by requirement id: what the matrix needs, without the reports' texts.</summary>
public sealed record UnitStatuses(string UnitCode, IReadOnlyDictionary<string, ImplementationStatus> ByRequirement);
