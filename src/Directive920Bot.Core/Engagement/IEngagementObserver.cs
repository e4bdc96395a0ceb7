using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Told about every new acknowledgement and first answer (reports keep counters with it).</summary>
public interface IEngagementObserver
{
    /// <summary>Called exactly once per acknowledgement, in the transaction that created it: write only through <paramref name="tx"/>.</summary>
    void OnAcknowledged(ITransaction tx, Acknowledgement acknowledgement);

    /// <summary>Called once per new answer, in the transaction that recorded it.</summary>
    void OnAnswered(ITransaction tx, QuizAnswer answer);
}
