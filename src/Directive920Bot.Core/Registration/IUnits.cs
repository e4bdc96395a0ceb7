using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>The organisation tree: units by code, by invite and by path. Derived look-ups are in <see cref="UnitQueries"/>.</summary>
public interface IUnits
{
    Unit? Find(string? code);

    Unit? FindByInvite(string invite);

    /// <summary>Every unit in path order (a parent before its children).</summary>
    IReadOnlyList<Unit> All();

    /// <summary>The unit and every unit below it, in path order; empty when the unit is unknown.</summary>
    IReadOnlyList<Unit> SubTree(string code);

    int Count();

    /// <summary>Stores the units (added or updated, by code); units not given are left as they are.</summary>
    void SaveAll(ITransaction tx, IReadOnlyList<Unit> units);
}
