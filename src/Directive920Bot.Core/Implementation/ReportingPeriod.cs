using System.Globalization;

namespace Directive920Bot.Implementation;

/// <summary>
/// One reporting period of local days: "2026-Q4", "2026-M12" or "2026-H2". Its deadline is its last day: a unit reports
/// what it did in the period before the period ends, and corrects it until the bloc locks the period.
/// </summary>
public readonly record struct ReportingPeriod(PeriodKind Kind, int Year, int Index)
{
    public string Id => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-M{Index:00}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Index}"),
    };

    private int Months => Kind switch { PeriodKind.Month => 1, PeriodKind.HalfYear => 6, _ => 3 };

    public DateOnly Start => new(Year, ((Index - 1) * Months) + 1, 1);

    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    /// <summary>The period holding <paramref name="day"/>.</summary>
    public static ReportingPeriod Containing(DateOnly day, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => new(kind, day.Year, day.Month),
        PeriodKind.HalfYear => new(kind, day.Year, day.Month <= 6 ? 1 : 2),
        _ => new(kind, day.Year, ((day.Month - 1) / 3) + 1),
    };

    public ReportingPeriod Previous() => Containing(Start.AddDays(-1), Kind);

    /// <summary>Parses "2026-Q4", "2026-M12", "2026-H2"; false for anything else.</summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null || text.Length < 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || year < 2000 || year > 2200)
        {
            return false;
        }

        var kind = char.ToUpperInvariant(text[5]) switch { 'Q' => PeriodKind.Quarter, 'M' => PeriodKind.Month, 'H' => PeriodKind.HalfYear, _ => (PeriodKind?)null };
        var max = kind switch { PeriodKind.Quarter => 4, PeriodKind.Month => 12, PeriodKind.HalfYear => 2, _ => 0 };
        if (kind is null || index < 1 || index > max)
        {
            return false;
        }

        period = new(kind.Value, year, index);
        return true;
    }

    /// <summary>"Quý IV năm 2026", "Tháng 12 năm 2026", "6 tháng cuối năm 2026" (or the English).</summary>
    public string Label(string? language = "vi")
    {
        var en = language == "en";
        return Kind switch
        {
            PeriodKind.Month => en ? string.Create(CultureInfo.InvariantCulture, $"{new DateTime(Year, Index, 1):MMMM yyyy}") : string.Create(CultureInfo.InvariantCulture, $"Tháng {Index} năm {Year}"),
            PeriodKind.HalfYear => en ? string.Create(CultureInfo.InvariantCulture, $"{(Index == 1 ? "First" : "Second")} half of {Year}")
                : string.Create(CultureInfo.InvariantCulture, $"6 tháng {(Index == 1 ? "đầu" : "cuối")} năm {Year}"),
            _ => en ? string.Create(CultureInfo.InvariantCulture, $"Q{Index} {Year}") : string.Create(CultureInfo.InvariantCulture, $"Quý {Roman(Index)} năm {Year}"),
        };
    }

    public override string ToString() => Id;

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
