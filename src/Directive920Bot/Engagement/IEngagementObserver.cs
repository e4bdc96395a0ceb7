namespace Directive920Bot.Engagement;

/// <summary>Told about every new acknowledgement and first answer (reports keep counters with it).</summary>
public interface IEngagementObserver
{
    /// <summary>Called exactly once per acknowledgement, on the database writer, in the transaction that created it.</summary>
    void OnAcknowledged(Acknowledgement acknowledgement);

    void OnAnswered(QuizAnswer answer);
}
