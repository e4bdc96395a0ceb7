using System.Globalization;

namespace Directive920Bot.Localization;

/// <summary>
/// The one way the bot writes dates and times to people (issue #14 §6): days as <c>dd/MM/yyyy</c>, times as 24-hour
/// <c>HH:mm</c> in the bot's zone, in prose "08:15 ngày 01/12/2026"; and where a person plans around the date (a
/// campaign's sending, a reporting deadline) with the weekday, "08:00 thứ Năm, 19/11/2026". Files and the API keep ISO
/// 8601; typed input is <c>dd/MM/yyyy HH:mm</c>.
/// </summary>
public static class Dates
{
    public const string DayFormat = "dd/MM/yyyy";
    public const string TimeFormat = "HH:mm";

    private static readonly string[] VietnameseWeekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
    private static readonly Loc AtTime = new("{0} ngày {1}", "{0} on {1}");

    /// <summary>"01/12/2026".</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>"01/12/2026" for a local date and time.</summary>
    public static string Day(DateTime local) => local.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>"08:15 ngày 01/12/2026" / "08:15 on 01/12/2026" for a local time.</summary>
    public static string At(DateTime local, string? language) =>
        AtTime.Format(language, local.ToString(TimeFormat, CultureInfo.InvariantCulture), Day(local));

    /// <summary>"thứ Năm, 19/11/2026" / "Thursday 19/11/2026": a day someone plans around.</summary>
    public static string DayWithWeekday(DateOnly day, string? language) =>
        Weekday(day.DayOfWeek, language) + (IsEnglish(language) ? " " : ", ") + Day(day);

    /// <summary>"08:00 thứ Năm, 19/11/2026" / "08:00 Thursday 19/11/2026": a local time someone plans around.</summary>
    public static string PlannedAt(DateTime local, string? language) =>
        local.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " + DayWithWeekday(DateOnly.FromDateTime(local), language);

    /// <summary>The weekday as written in a sentence: "thứ Hai" … "Chủ nhật", or English "Monday".</summary>
    public static string Weekday(DayOfWeek day, string? language) =>
        IsEnglish(language) ? CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day) : VietnameseWeekdays[(int)day];

    private static bool IsEnglish(string? language) => string.Equals(language, Languages.English, StringComparison.OrdinalIgnoreCase);
}
