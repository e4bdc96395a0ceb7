namespace Directive920Bot.Implementation;

/// <summary>One unit's row of the matrix: its status per requirement (in requirement order; null: not reported).</summary>
public sealed record MatrixRow(string UnitCode, string UnitName, IReadOnlyList<ImplementationStatus?> Statuses)
{
    public bool Reported => Statuses.Any(s => s is not null);
}
