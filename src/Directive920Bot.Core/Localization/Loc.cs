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
}
