using System.Globalization;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;

namespace Directive920Bot.Registration;

/// <summary>How the /mydata summary writes things: the person's language, and times in the bot's zone (Asia/Ho_Chi_Minh).</summary>
public sealed class PersonalDataFormat(string language, BotClock clock)
{
    public string Language { get; } = language;

    public string T(Loc text) => text.For(Language);

    /// <summary>A stored UTC time as the person reads it: <c>dd/MM/yyyy HH:mm</c> in the bot's zone.</summary>
    public string Time(DateTime utc) => clock.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public string Time(DateTime? utc) => utc is { } value ? Time(value) : "—";

    /// <summary>Yes or no, in the person's language.</summary>
    public string YesNo(bool value) => Language == "en" ? (value ? "yes" : "no") : (value ? "có" : "không");
}
