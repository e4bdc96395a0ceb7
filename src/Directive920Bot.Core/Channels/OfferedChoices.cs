namespace Directive920Bot.Channels;

/// <summary>
/// The choices open to a person on one channel, numbered in this order (1 = the first). Several messages' choices
/// stay open together while a quiz question among them waits for its answer (the questions of a lesson come at once),
/// numbered on from each other; otherwise a new message's choices replace them.
/// </summary>
public sealed class OfferedChoices
{
    /// <summary><c>channel:personId</c>: one offer per person and channel.</summary>
    public string Id { get; set; } = "";

    public long PersonId { get; set; }

    public string Channel { get; set; } = "";

    public List<OfferedChoice> Choices { get; set; } = [];

    public DateTime OfferedAt { get; set; }

    /// <summary>Whether a quiz question among the choices has not been answered yet.</summary>
    public bool QuizWaiting() => Choices.Any(c => c.PollId is { } poll && AnswerOf(poll) is null);

    /// <summary>The number (0-based) taken for the quiz <paramref name="pollId"/>, or null before its answer.</summary>
    public int? AnswerOf(string pollId)
    {
        var index = Choices.FindIndex(c => c.PollId == pollId && c.Taken);
        return index < 0 ? null : index;
    }

    public static string IdFor(string channel, long personId) =>
        channel + ":" + personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
