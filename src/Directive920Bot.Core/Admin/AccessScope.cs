using Directive920Bot.Registration;

namespace Directive920Bot.Admin;

/// <summary>What a grant covers, checked on the server for every privileged action.</summary>
public static class AccessScope
{
    /// <summary>True when <paramref name="grant"/> may see or act on <paramref name="unitCode"/> (bloc admins: any unit).</summary>
    public static bool Covers(this AccessGrant grant, IUnits units, string? unitCode)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(units);
        if (grant.IsBlocAdmin)
        {
            return true;
        }

        var unit = units.Find(unitCode);
        if (unit is null || !grant.IsAdmin)
        {
            return false;
        }

        // A unit admin holds their units and everything below them: a path prefix.
        return grant.Units.Select(units.Find).Any(u => u is not null && unit.Path.StartsWith(u.Path, StringComparison.Ordinal));
    }

    /// <summary>The unit codes a grant may see; every unit for bloc admins, none for cadres.</summary>
    public static IReadOnlyList<string> VisibleUnits(this AccessGrant grant, IUnits units)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(units);
        return grant.IsBlocAdmin ? units.All().Select(u => u.Code).ToList()
            : grant.IsAdmin ? units.SubTreeCodes(grant.Units)
            : [];
    }
}
