namespace Directive920Bot.Localization;

/// <summary>A user-facing text in both supported languages. Vietnamese is the default.</summary>
public readonly record struct Loc(string Vi, string En)
{
    public string For(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : Vi;

    /// <summary>The text with its arguments, numbers written as the reader's language writes them ("18,2" in Vietnamese).</summary>
    public string Format(string? language, params object?[] args) =>
        string.Format(Numbers.Culture(language), For(language), args);
}

public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static bool IsSupported(string? code) => code is Vietnamese or English;

    /// <summary>Maps a Telegram language_code to one we support; anything but English is Vietnamese.</summary>
    public static string FromTelegram(string? code) =>
        code is not null && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    /// <summary>
    /// The language an HTTP caller prefers from its <c>Accept-Language</c> header ("en-GB,vi;q=0.5" → English): the
    /// first of the ranges by quality that we support; Vietnamese when none is named.
    /// </summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Vietnamese;
        }

        var ranked = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((range, order) =>
            {
                var parts = range.Split(';', StringSplitOptions.TrimEntries);
                var quality = parts.Skip(1).Select(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : (double?)null)
                    .FirstOrDefault(q => q is not null) ?? 1.0;
                return (Tag: parts[0], Quality: quality, Order: order);
            })
            .Where(r => r.Quality > 0)
            .OrderByDescending(r => r.Quality).ThenBy(r => r.Order);
        foreach (var (tag, _, _) in ranked)
        {
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }

            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
            {
                return Vietnamese;
            }
        }

        return Vietnamese;
    }
}
