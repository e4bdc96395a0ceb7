namespace Directive920Bot.Implementation;

/// <summary>The units × requirements matrix of one period.</summary>
public sealed record ImplementationMatrix(ReportingPeriod Period, bool Locked, IReadOnlyList<Requirement> Requirements, IReadOnlyList<MatrixRow> Rows);
