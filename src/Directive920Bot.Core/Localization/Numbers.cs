using System.Globalization;

namespace Directive920Bot.Localization;

/// <summary>
/// Numbers as a reader of each language writes them: Vietnamese uses a decimal comma and a dot between thousands
/// ("18,2%", "1,5 giờ", "1.234"), English the other way round ("18.2%", "1,234"). One place, so a percentage never
/// prints with a decimal point next to a count grouped with dots.
/// </summary>
public static class Numbers
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture of a supported language (anything but English is Vietnamese, as in <see cref="Loc.For"/>).</summary>
    public static CultureInfo Culture(string? language) =>
        string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    /// <summary>A ratio (0…1) as a percentage with at most one decimal, "18,2%" / "18.2%"; "—" when there is nothing to divide by.</summary>
    public static string Percent(double? rate, string? language = Languages.Vietnamese) =>
        rate is { } r ? Math.Round(r * 100, 1).ToString("0.#", Culture(language)) + "%" : "—";

    /// <summary>A whole-number percentage for tight places (chart bars), "96%".</summary>
    public static string WholePercent(double? rate, string? language = Languages.Vietnamese) =>
        rate is { } r ? Math.Round(r * 100).ToString("0", Culture(language)) + "%" : "—";

    /// <summary>A count grouped by thousands, "1.234" / "1,234".</summary>
    public static string Count(long value, string? language = Languages.Vietnamese) => value.ToString("N0", Culture(language));

    /// <summary>A quantity with at most one decimal, "1,5" / "1.5".</summary>
    public static string OneDecimal(double value, string? language = Languages.Vietnamese) => value.ToString("0.#", Culture(language));
}
