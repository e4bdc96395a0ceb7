namespace Directive920Bot.Questions;

/// <summary>
/// A question the course had no answer for, kept so propaganda staff can add content (clause I1: grasp cadres'
/// thinking). It names no person: only the unit (so a unit admin sees their own) and the day.
/// </summary>
public sealed class UnansweredQuestion
{
    /// <summary>Random, unrelated to the asker.</summary>
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public string Language { get; set; } = "vi";

    public string? UnitCode { get; set; }

    /// <summary>
    /// The local calendar day asked (the bot's time zone), kept as midnight of that date: no hour, which could be matched
    /// with other records to find the asker.
    /// </summary>
    public DateTime AskedOn { get; set; }

    /// <summary>The best confidence the search reached (below the threshold), to see near misses.</summary>
    public double Confidence { get; set; }

    /// <summary>The cadre pressed "send to propaganda staff": they want an answer, not only a note.</summary>
    public bool Forwarded { get; set; }
}
