using System.Globalization;

namespace Directive920Bot.Reports;

/// <summary>
/// A unit's lessons and announcements delivered on one local day (the bot's zone) and how many of those deliveries have
/// been acknowledged since, on time or late: the console's weekly trend reads a few of these per unit instead of the
/// ledger. The day of an acknowledgement is the day of the delivery it acknowledges (a cohort), so a late
/// acknowledgement made next week raises the rate of the week the lesson was sent in, never the week it was made in.
/// Re-acknowledgement requests and re-acknowledgements are left out, as in <see cref="ItemCounter.Delivered"/>.
/// </summary>
public sealed class UnitDayCounter
{
    /// <summary><c>{unitCode}|{yyyy-MM-dd}</c>.</summary>
    public string Id { get; set; } = "";

    public string UnitCode { get; set; } = "";

    /// <summary>The local day, <c>yyyy-MM-dd</c> (ordinal order is date order on both providers).</summary>
    public string Day { get; set; } = "";

    public int Delivered { get; set; }

    public int OnTime { get; set; }

    public int Late { get; set; }

    public int Acknowledged => OnTime + Late;

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The local day of a UTC instant in <paramref name="zone"/>, as stored.</summary>
    public static string DayKey(TimeZoneInfo zone, DateTime utc) =>
        DayKey(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)));

    public static string IdFor(string unitCode, string day) => unitCode + "|" + day;
}
