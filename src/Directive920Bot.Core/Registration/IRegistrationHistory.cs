namespace Directive920Bot.Registration;

/// <summary>Registrations as they stood at an instant, for period reports.</summary>
public interface IRegistrationHistory
{
    /// <summary>
    /// Per unit, the people registered before <paramref name="beforeUtc"/>: subscribers by their current unit, and those
    /// erased since (at or after it) by their unit when erased. With <paramref name="unitCodes"/> the result covers at
    /// least those units (it may hold others); null means every unit.
    /// </summary>
    IReadOnlyDictionary<string, int> RegisteredByUnit(DateTime beforeUtc, IReadOnlyCollection<string>? unitCodes);
}
