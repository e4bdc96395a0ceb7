namespace Directive920Bot.Admin;

public enum AdminRole
{
    Cadre = 0,
    /// <summary>A unit's leader or party-cell secretary: their units and sub-units.</summary>
    UnitAdmin = 1,
    /// <summary>Propaganda staff of the Bloc Party Committee: everything.</summary>
    BlocAdmin = 2,
}
