namespace Directive920Bot.Implementation;

/// <summary>Configuration of the personal commitments (<c>Commitments:*</c>).</summary>
public sealed class CommitmentOptions
{
    public const string Section = "Commitments";

    /// <summary>The longest commitment text, in characters (a few lines).</summary>
    public int MaxText { get; set; } = 500;

    /// <summary>From this local day (MM-dd) cadres with commitments are asked for the mid-year self-assessment.</summary>
    public string MidYear { get; set; } = "06-15";

    /// <summary>From this local day (MM-dd) they are asked for the year-end self-assessment.</summary>
    public string YearEnd { get; set; } = "12-01";

    public static bool TryDay(string? text, int year, out DateOnly day) =>
        DateOnly.TryParseExact(FormattableString.Invariant($"{year}-{text}"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out day);
}
