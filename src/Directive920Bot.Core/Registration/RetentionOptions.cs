using System.Globalization;
using System.Xml;

namespace Directive920Bot.Registration;

/// <summary>
/// How long each kind of data is kept (<c>Retention:&lt;Kind&gt;</c>): an ISO 8601 duration (<c>P180D</c>) or a number
/// of days (<c>180</c>). The consent text states these periods, generated from here.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public string AbandonedRegistrations { get; set; } = "P7D";

    public string StoppedSubscribers { get; set; } = "P365D";

    public string BlockedSubscribers { get; set; } = "P180D";

    public string Feedback { get; set; } = "P365D";

    public string Audit { get; set; } = "P1095D";

    public string CallbackKeys { get; set; } = "P90D";

    // Five years: a full party congress term, so that period reports over the term still read the records.
    public string Ledger { get; set; } = "P1825D";

    public string Acknowledgements { get; set; } = "P1825D";

    public string Answers { get; set; } = "P1825D";

    public string RetiredRosterEntries { get; set; } = "P365D";

    /// <summary>How often the retention job runs (a run with nothing past its period writes nothing).</summary>
    public string RunEvery { get; set; } = "PT1H";

    public string Raw(RetentionKind kind) => kind switch
    {
        RetentionKind.AbandonedRegistrations => AbandonedRegistrations,
        RetentionKind.StoppedSubscribers => StoppedSubscribers,
        RetentionKind.BlockedSubscribers => BlockedSubscribers,
        RetentionKind.Feedback => Feedback,
        RetentionKind.Audit => Audit,
        RetentionKind.CallbackKeys => CallbackKeys,
        RetentionKind.Ledger => Ledger,
        RetentionKind.Acknowledgements => Acknowledgements,
        RetentionKind.Answers => Answers,
        RetentionKind.RetiredRosterEntries => RetiredRosterEntries,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The period of <paramref name="kind"/>; the options validator has checked it parses.</summary>
    public TimeSpan Period(RetentionKind kind) =>
        TryParse(Raw(kind), out var period) ? period : throw new InvalidOperationException($"Retention:{kind} is not a duration: '{Raw(kind)}'");

    /// <summary>An ISO 8601 duration (<c>P30D</c>, <c>PT12H</c>) or a whole number of days; positive.</summary>
    public static bool TryParse(string? value, out TimeSpan period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            period = TimeSpan.FromDays(days);
        }
        else
        {
            try
            {
                period = XmlConvert.ToTimeSpan(value);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return period > TimeSpan.Zero;
    }
}
