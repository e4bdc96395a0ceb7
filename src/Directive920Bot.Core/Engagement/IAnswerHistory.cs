namespace Directive920Bot.Engagement;

/// <summary>Quiz answers read by period, for reports: only what the quiz figures need, streamed.</summary>
public interface IAnswerHistory
{
    /// <summary>Answers whose <see cref="QuizAnswer.AnsweredAt"/> is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), reviews included.</summary>
    IEnumerable<GivenAnswer> AnsweredBetween(DateTime fromUtc, DateTime toUtc);
}
