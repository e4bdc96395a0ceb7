namespace Directive920Bot.Registration;

/// <summary>What the features ask of the organisation tree beyond what the store keeps.</summary>
public static class UnitQueries
{
    /// <summary>The codes of the units and of every unit below them, each once.</summary>
    public static IReadOnlyList<string> SubTreeCodes(this IUnits units, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(codes);
        return codes.SelectMany(units.SubTree).Select(u => u.Code).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Units whose name contains the text as typed with or without diacritics, or whose code is the text.</summary>
    public static IReadOnlyList<Unit> Search(this IUnits units, string text)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(text);
        var key = TextFold.Fold(text);
        return units.All().Where(u => u.SearchKey.Contains(key, StringComparison.Ordinal) || u.Code.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The unit's name for display, or its code when the unit is unknown.</summary>
    public static string DisplayName(this IUnits units, string? code)
    {
        ArgumentNullException.ThrowIfNull(units);
        var unit = units.Find(code);
        return unit?.Name ?? code ?? "";
    }
}
